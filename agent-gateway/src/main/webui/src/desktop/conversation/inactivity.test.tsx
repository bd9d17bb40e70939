import { screen } from '@testing-library/preact';
import { ConversationPane } from './ConversationPane';
import { composeDisabledReason, threadEntries, type ThreadFrame } from './adapters';
import { renderWithI18n } from './test-support';

// Customer inactivity (issue 14) on the desktop: the end for inactivity reads as such, and the wrap-up is due.
const at = '2026-12-06T10:00:00Z';

describe('a chat ended for inactivity', () => {
  it('is a "customer did not reply" line in the thread, not a plain customer end', () => {
    const frames: ThreadFrame[] = [
      { type: 'customer-ended', seq: 7, occurredAt: at, to: 'INACTIVE', text: 'The customer did not reply: the chat ended for inactivity' },
      { type: 'customer-ended', seq: 8, occurredAt: at, to: 'CUSTOMER_ENDED', text: 'The customer has ended the conversation' },
    ];
    expect(threadEntries(frames).map((e) => e.event?.kind)).toEqual(['customer-inactive', 'customer-ended']);
    expect(composeDisabledReason({ connected: true, conversationState: 'INACTIVE', participantState: 'ACTIVE' })).toBe('customer-ended');
  });

  it.each(['en', 'fr'])('shows the alert with the wrap-up button while the wrap-up is due (%s)', (language) => {
    const onWrapUp = vi.fn();
    renderWithI18n(
      <ConversationPane
        conversation={{ id: 'c-1', customerName: 'Mélissa', state: 'ENDED', participantState: 'WRAP_UP', cad: [] }}
        messages={[{ id: 'seq-7', author: 'system', event: { kind: 'customer-inactive' }, at }]}
        selfAgentId="alice"
        selfAgentName="Alice"
        draft=""
        onDraftChange={() => {}}
        onSend={() => {}}
        templates={[]}
        actions={{ canTransfer: false, canConference: false, inConference: false, canEnd: false }}
        onTransfer={() => {}}
        onConference={() => {}}
        onEndConference={() => {}}
        onEnd={() => {}}
        onWrapUp={onWrapUp}
        disabledReason="wrap-up"
      />,
      language,
    );
    const alert = screen.getByTestId('customer-inactive-alert');
    expect(alert.textContent).toContain(language === 'en' ? 'did not reply' : "n'a pas répondu");
    alert.querySelector('button')!.click();
    expect(onWrapUp).toHaveBeenCalled();
    expect(screen.getAllByText(language === 'en' ? /ended for inactivity/ : /pour inactivité/).length).toBeGreaterThan(0);
  });
});
