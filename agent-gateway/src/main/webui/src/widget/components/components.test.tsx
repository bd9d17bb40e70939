import { fireEvent, render, screen } from '@testing-library/preact';
import type { i18n } from 'i18next';
import { startI18n } from '../../i18n';
import { I18nProvider } from '../../i18n/preact';
import type { Entry } from '../state';
import { Compose } from './Compose';
import { Thread } from './Thread';

let i18nInstance: i18n;
beforeAll(async () => {
  i18nInstance = await startI18n(['widget']);
  await i18nInstance.changeLanguage('en');
});

function withI18n(node: preact.ComponentChild) {
  return render(<I18nProvider i18n={i18nInstance}>{node}</I18nProvider>);
}

describe('Compose', () => {
  function compose(draft: string, onSend = vi.fn(), onDraft = vi.fn()) {
    withI18n(<Compose draft={draft} disabled={false} error={null} onDraft={onDraft} onSend={onSend} />);
    return { onSend, onDraft, input: screen.getByTestId('chat-input') as HTMLTextAreaElement };
  }

  it('sends on Enter and not on Shift+Enter', () => {
    const { onSend, input } = compose('Hello\nthere');
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    expect(onSend).not.toHaveBeenCalled();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('Hello\nthere');
  });

  it('shows the service-down notice calmly (a status, not an alert), keeping the draft box usable', () => {
    withI18n(
      <Compose draft="" disabled={false} error={null} notice={i18nInstance.t('widget:error.unavailable')} onDraft={vi.fn()} onSend={vi.fn()} />,
    );
    const notice = screen.getByTestId('chat-notice');
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toContain('will be sent again automatically');
    expect(screen.queryByTestId('chat-error')).toBeNull();
  });

  it('never sends a blank message', () => {
    const { onSend, input } = compose('   ');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByTestId('chat-send')).toHaveProperty('disabled', true);
  });

  it('counts and stops at the limit with an inline message', () => {
    const { onDraft, input } = compose('');
    fireEvent.input(input, { target: { value: 'x'.repeat(4005) } });
    expect(onDraft).toHaveBeenCalledWith('x'.repeat(4000));
    expect(screen.getByTestId('chat-error').textContent).toBe('A message can hold at most 4000 characters.');
  });

  it('shows the counter with its level', () => {
    compose('a'.repeat(3900));
    const counter = screen.getByTestId('chat-counter');
    expect(counter.textContent).toBe('3900/4000');
    expect(counter.getAttribute('data-level')).toBe('warning');
  });
});

describe('Thread', () => {
  const entries: Entry[] = [
    { kind: 'event', key: 'seq-3', seq: 3, event: 'joined', name: 'Alice', at: '2026-12-06T10:00:03Z' },
    {
      kind: 'message', key: 'm4', seq: 4, author: 'agent', name: 'Alice', text: 'Line one\nLine two',
      at: '2026-12-06T10:00:04Z', delivery: null, masked: false,
    },
    {
      kind: 'message', key: 'm5', seq: 5, author: 'customer', name: 'Claire', text: 'card ****',
      at: '2026-12-06T10:00:05Z', delivery: null, masked: true,
    },
  ];

  it('shows system events, authors, line breaks and the masking note', () => {
    withI18n(<Thread entries={entries} />);
    const messages = screen.getAllByTestId('message');
    expect(messages.map((message) => message.getAttribute('data-author'))).toEqual(['system', 'agent', 'customer']);
    expect(messages[0].textContent).toContain('Alice joined the chat');
    expect(messages[1].querySelector('[data-testid=message-text]')!.textContent).toBe('Line one\nLine two');
    expect(messages[2].textContent).toContain('Sensitive details are hidden in the saved chat.');
    expect(messages[1].querySelector('time')!.getAttribute('dateTime')).toBe('2026-12-06T10:00:04Z');
  });

  it('speaks French in French', async () => {
    await i18nInstance.changeLanguage('fr');
    withI18n(<Thread entries={entries} />);
    expect(screen.getAllByTestId('message')[0].textContent).toContain('Alice a rejoint la discussion');
    await i18nInstance.changeLanguage('en');
  });
});
