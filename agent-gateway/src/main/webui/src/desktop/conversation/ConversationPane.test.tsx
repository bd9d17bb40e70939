import { fireEvent, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { ConversationPane, type ConversationPaneProps } from './ConversationPane';
import { renderWithI18n } from './test-support';
import type { ConversationView, MessageView } from './types';

const CONVERSATION: ConversationView = {
  id: 'c-1',
  customerName: 'Mélissa Durand',
  queueName: 'Support',
  state: 'CONNECTED',
  cad: [{ name: 'orderId', value: 'A-42' }],
};
const TEMPLATES = [{ id: 'order', name: 'Order', body: 'Order <orderId> for <customerName>' }];
const ACTIONS = { canTransfer: true, canConference: true, inConference: false, canEnd: true };

function message(n: number): MessageView {
  return { id: `m${n}`, author: 'customer', authorName: 'Mélissa Durand', text: `message ${n}`, at: '2026-12-06T10:00:00Z' };
}

/** The pane with its draft held like the shell holds it. */
function Shell(props: Partial<ConversationPaneProps> & { onSend?: (text: string) => void }) {
  const [draft, setDraft] = useState('');
  return (
    <ConversationPane
      conversation={CONVERSATION}
      messages={[message(1)]}
      selfAgentId="alice"
      selfAgentName="Alice"
      draft={draft}
      onDraftChange={setDraft}
      onSend={() => {}}
      templates={TEMPLATES}
      actions={ACTIONS}
      onTransfer={() => {}}
      onConference={() => {}}
      onEndConference={() => {}}
      onEnd={() => {}}
      {...props}
    />
  );
}

const input = () => screen.getByTestId('compose-input') as HTMLTextAreaElement;

describe('ConversationPane', () => {
  it('keeps the draft, the chosen template and focus when a message arrives', () => {
    const view = renderWithI18n(<Shell messages={[message(1)]} />);
    fireEvent.change(screen.getByTestId('template-select'), { target: { value: 'order' } });
    input().focus();
    input().value = 'Half-typed reply';
    fireEvent.input(input());
    view.rerender(<Shell messages={[message(1), message(2)]} />);
    view.rerender(<Shell messages={[message(1), message(2), message(3)]} conversation={{ ...CONVERSATION }} />);
    expect(screen.getAllByTestId('message')).toHaveLength(3);
    expect(input().value).toBe('Half-typed reply');
    expect((screen.getByTestId('template-select') as HTMLSelectElement).value).toBe('order');
    expect(document.activeElement).toBe(input());
  });

  it('inserts a filled template into the draft and gives focus back to the reply box', () => {
    renderWithI18n(<Shell />);
    input().value = 'Hello';
    fireEvent.input(input());
    fireEvent.change(screen.getByTestId('template-select'), { target: { value: 'order' } });
    expect(screen.getByTestId('template-preview').textContent).toBe('Order A-42 for Mélissa Durand');
    fireEvent.click(screen.getByTestId('template-insert'));
    expect(input().value).toBe('Hello\nOrder A-42 for Mélissa Durand');
    expect(document.activeElement).toBe(input());
  });

  it('shows the customer-ended alert and refuses to send', () => {
    const onWrapUp = vi.fn();
    renderWithI18n(<Shell conversation={{ ...CONVERSATION, state: 'CUSTOMER_ENDED' }} disabledReason="customer-ended" onWrapUp={onWrapUp} />);
    expect(screen.getByTestId('customer-ended-alert').textContent).toContain('The customer has ended the conversation');
    expect((screen.getByTestId('compose-send') as HTMLButtonElement).disabled).toBe(true);
    expect(input().disabled).toBe(true);
    fireEvent.click(screen.getByTestId('customer-ended-alert').querySelector('button')!);
    expect(onWrapUp).toHaveBeenCalled();
  });

  it('shows the interruption alert with a way to end the conversation', () => {
    const onEnd = vi.fn();
    renderWithI18n(<Shell conversation={{ ...CONVERSATION, state: 'INTERRUPTED' }} disabledReason="interrupted" onEnd={onEnd} />, 'fr');
    const alert = screen.getByTestId('interrupted-alert');
    expect(alert.textContent).toContain('interrompue');
    fireEvent.click(alert.querySelector('button')!);
    expect(onEnd).toHaveBeenCalled();
  });

  it('offers the actions the agent may take, End conference only in a conference', () => {
    const handlers = { onTransfer: vi.fn(), onConference: vi.fn(), onEndConference: vi.fn(), onEnd: vi.fn() };
    const view = renderWithI18n(<Shell {...handlers} />);
    expect(screen.queryByTestId('end-conference')).toBeNull();
    fireEvent.click(screen.getByTestId('transfer-open'));
    fireEvent.click(screen.getByTestId('conference-open'));
    fireEvent.click(screen.getByTestId('end-conversation'));
    expect([handlers.onTransfer, handlers.onConference, handlers.onEnd].map((h) => h.mock.calls.length)).toEqual([1, 1, 1]);
    view.rerender(<Shell {...handlers} actions={{ canTransfer: false, canConference: false, inConference: true, canEnd: true }} />);
    expect((screen.getByTestId('transfer-open') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('end-conference'));
    expect(handlers.onEndConference).toHaveBeenCalled();
  });

  it('names the pane after the conversation and shows an error banner', () => {
    renderWithI18n(<Shell error="Something went wrong" />);
    const pane = screen.getByTestId('conversation-pane');
    expect(pane.dataset.conversationId).toBe('c-1');
    expect(screen.getByRole('region', { name: 'Conversation with Mélissa Durand' })).toBe(pane);
    expect(screen.getByTestId('error-banner').textContent).toContain('Something went wrong');
    expect(screen.getByTestId('cad-panel').textContent).toContain('A-42');
  });
  it('says when the customer is typing, in both languages, and the survey as a system line', () => {
    const survey: MessageView = { id: 'seq-9', author: 'system', event: { kind: 'survey-submitted', rating: 4, comment: 'Merci' }, at: '2026-12-06T10:00:00Z' };
    renderWithI18n(<Shell customerTyping messages={[message(1), survey]} />);
    expect(screen.getByTestId('customer-typing').textContent).toBe('Customer is typing…');
    expect(screen.getAllByTestId('message-text').map((m) => m.textContent)).toContain('The customer rated the chat 4/5: “Merci”');
  });

  it('shows nothing about typing while the customer does not type', () => {
    renderWithI18n(<Shell />, 'fr');
    expect(screen.queryByTestId('customer-typing')).toBeNull();
  });
});
