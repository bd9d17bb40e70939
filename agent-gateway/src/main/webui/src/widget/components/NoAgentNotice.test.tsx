import { render, screen } from '@testing-library/preact';
import type { i18n } from 'i18next';
import { startI18n } from '../../i18n';
import { I18nProvider } from '../../i18n/preact';
import { NoAgentNotice } from './NoAgentNotice';

let i18nInstance: i18n;
beforeAll(async () => {
  i18nInstance = await startI18n(['widget']);
});

describe.each([
  ['en', 'No agent has been able to join you yet'],
  ['fr', 'Aucun conseiller n’a encore pu vous rejoindre'],
])('NoAgentNotice (%s)', (language, start) => {
  it("shows the widget's words without the queue's own, and the queue's own as they are", async () => {
    await i18nInstance.changeLanguage(language);
    const { rerender } = render(
      <I18nProvider i18n={i18nInstance}>
        <NoAgentNotice text={null} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('no-agent-notice').textContent).toMatch(new RegExp(`^${start}`));
    expect(screen.getByTestId('no-agent-notice').getAttribute('role')).toBe('status');
    rerender(
      <I18nProvider i18n={i18nInstance}>
        <NoAgentNotice text="Busy day, sorry!" />
      </I18nProvider>,
    );
    expect(screen.getByTestId('no-agent-notice').textContent).toBe('Busy day, sorry!');
  });
});
