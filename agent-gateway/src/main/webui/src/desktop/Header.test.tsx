import { fireEvent, render, screen } from '@testing-library/preact';
import { I18nProvider } from '../i18n/preact';
import { testI18n } from './conversation/test-support';
import type { PresenceView } from './frames';
import { Header, RonaBanner, stateOptions } from './Header';

const IDLE_CODES = [
  { code: 'BREAK', label: 'Break' },
  { code: 'LUNCH', label: 'Lunch' },
];

function renderHeader(presence: PresenceView | null, language = 'en') {
  const i18n = testI18n(language);
  i18n.setDefaultNamespace('desktop');
  const asked: string[] = [];
  render(
    <I18nProvider i18n={i18n}>
      <Header
        displayName="Alice Martin"
        presence={presence}
        stateSince={Date.now() - 125_000}
        idleCodes={IDLE_CODES}
        connection="reconnecting"
        onChangeState={(key) => asked.push(key)}
        onOpenHistory={() => undefined}
        onLogout={() => undefined}
      />
    </I18nProvider>,
  );
  return asked;
}

const presence = (state: PresenceView['state'], idleCode?: string): PresenceView => ({ state, idleCode, activeChats: 1, capacity: 3, queueIds: [] });

describe('the header', () => {
  it('shows the real state with its idle code, time in state, capacity and connection', () => {
    renderHeader(presence('IDLE', 'LUNCH'));
    const select = screen.getByTestId('agent-state') as HTMLSelectElement;
    expect(select.value).toBe('IDLE:LUNCH');
    expect(select.selectedOptions[0].textContent).toBe('Not ready – Lunch');
    expect(screen.getByTestId('state-timer').textContent).toMatch(/^2:0[4-6]$/);
    expect(screen.getByTestId('capacity').textContent).toBe('1/3');
    expect(screen.getByTestId('connection-status').dataset.status).toBe('reconnecting');
  });

  it('asks for a change but keeps showing the real state until the gateway confirms it', () => {
    const asked = renderHeader(presence('AVAILABLE'));
    const select = screen.getByTestId('agent-state') as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'IDLE:BREAK' } });
    expect(asked).toEqual(['IDLE:BREAK']);
    expect(select.value).toBe('AVAILABLE');
  });

  it('shows RONA, which the agent cannot choose, as the current state', () => {
    renderHeader(presence('RONA'), 'fr');
    const select = screen.getByTestId('agent-state') as HTMLSelectElement;
    expect(select.value).toBe('RONA');
    expect(select.selectedOptions[0].disabled).toBe(true);
    expect(select.selectedOptions[0].textContent).toBe('Offre manquée (RONA)');
  });

  it('keeps an idle code that is no longer listed', () => {
    expect(stateOptions(presence('IDLE', 'TRAINING'), IDLE_CODES).map((o) => o.value)).toEqual([
      'AVAILABLE', 'IDLE:BREAK', 'IDLE:LUNCH', 'IDLE:TRAINING', 'LOGGED_OUT',
    ]);
  });

  it('the RONA banner offers to become available', () => {
    const i18n = testI18n('en');
    i18n.setDefaultNamespace('desktop');
    let clicked = 0;
    render(
      <I18nProvider i18n={i18n}>
        <RonaBanner onBecomeAvailable={() => clicked++} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('rona-banner').getAttribute('role')).toBe('alert');
    fireEvent.click(screen.getByTestId('become-available'));
    expect(clicked).toBe(1);
  });
});
