import { fireEvent, screen } from '@testing-library/preact';
import { vi } from 'vitest';
import { MessageList } from './MessageList';
import { renderWithI18n } from './test-support';
import type { MessageView } from './types';

const AT = '2026-12-06T14:05:00Z';
const thread: MessageView[] = [
  { id: 'm1', author: 'customer', authorName: 'Mélissa Durand', text: 'Hello\nmy order <b>A-42</b>', at: AT },
  { id: 'e1', author: 'system', event: { kind: 'agent-joined', agentName: 'Alice' }, at: AT },
  { id: 'm2', author: 'agent', agentId: 'alice', authorName: 'Alice', text: 'Hi Mélissa', at: AT },
  { id: 'm3', author: 'agent', agentId: 'bob', authorName: 'Bob', text: 'Bob here', at: AT },
  { id: 'm4', author: 'system', text: 'The customer has ended the conversation', at: AT },
];

function messages() {
  return screen.getAllByTestId('message');
}

describe('MessageList', () => {
  it('shows customer bubbles with initials, own and colleague agent bubbles, and system events', () => {
    renderWithI18n(<MessageList messages={thread} selfAgentId="alice" />);
    expect(messages().map((entry) => entry.dataset.author)).toEqual(['customer', 'system', 'agent', 'agent', 'system']);
    const [customer, joined, own, colleague] = messages();
    expect(customer.querySelector('.lc-avatar')?.textContent).toBe('MD');
    expect(customer.querySelector('.lc-bubble-customer')).not.toBeNull();
    expect(own.dataset.agentId).toBe('alice');
    expect(own.querySelector('.lc-bubble-own')).not.toBeNull();
    expect(own.textContent).toContain('You');
    expect(colleague.dataset.agentId).toBe('bob');
    expect(colleague.querySelector('.lc-bubble-colleague')?.textContent).toContain('Bob');
    expect(joined.tagName).toBe('LI');
    expect(joined.querySelector('.lc-bubble')).toBeNull(); // an event is a compact line, never a bubble
    expect(joined.querySelector('[data-testid="message-text"]')?.textContent).toBe('Alice joined the conversation');
  });

  it('keeps line breaks and never reads text as HTML', () => {
    renderWithI18n(<MessageList messages={thread} selfAgentId="alice" />);
    const text = messages()[0].querySelector<HTMLElement>('[data-testid="message-text"]')!;
    expect(text.textContent).toBe('Hello\nmy order <b>A-42</b>');
    expect(text.querySelector('b')).toBeNull();
    expect(text.style.whiteSpace).toBe('pre-wrap');
  });

  it('shows times in the page language', () => {
    const english = renderWithI18n(<MessageList messages={thread} selfAgentId="alice" />);
    const time = screen.getAllByTestId('message-time')[0];
    expect(time.getAttribute('datetime')).toBe(AT);
    expect(time.textContent).toMatch(/^\d{1,2}:\d{2}\s?[AP]M$/);
    english.unmount();
    renderWithI18n(<MessageList messages={thread} selfAgentId="alice" />, 'fr');
    expect(screen.getAllByTestId('message-time')[0].textContent).toMatch(/^\d{2}:\d{2}$/);
    expect(screen.getAllByTestId('message-text')[1].textContent).toBe('Alice a rejoint la conversation');
  });

  it('follows new messages at the bottom, but not once the agent scrolled up', () => {
    const view = renderWithI18n(<MessageList messages={thread.slice(0, 2)} selfAgentId="alice" />);
    const scroller = screen.getByTestId('message-list');
    Object.defineProperty(scroller, 'scrollHeight', { configurable: true, get: () => 1000 });
    Object.defineProperty(scroller, 'clientHeight', { configurable: true, get: () => 200 });
    view.rerender(<MessageList messages={thread.slice(0, 3)} selfAgentId="alice" />);
    expect(scroller.scrollTop).toBe(1000);

    scroller.scrollTop = 300; // the agent scrolls up to read
    fireEvent.scroll(scroller);
    view.rerender(<MessageList messages={thread.slice(0, 4)} selfAgentId="alice" />);
    expect(scroller.scrollTop).toBe(300);
    fireEvent.click(screen.getByTestId('message-list-jump'));
    expect(scroller.scrollTop).toBe(1000);
    expect(screen.queryByTestId('message-list-jump')).toBeNull();
  });

  it("shows this agent's message not sent yet with its state in the page language, and Cancel", () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse(AT));
    const waiting: MessageView = {
      id: 'd-1',
      author: 'agent',
      agentId: 'alice',
      authorName: 'Alice',
      text: 'On my way',
      at: AT,
      pending: { clientMessageId: 'd-1', text: 'On my way', at: AT, retryAt: Date.parse(AT) + 5000 },
    };
    const cancel = vi.fn();
    renderWithI18n(<MessageList messages={[waiting]} selfAgentId="alice" onCancelPending={cancel} />, 'fr');
    expect(messages()[0].dataset.pending).toBe('true');
    expect(screen.getByTestId('pending-status').textContent).toBe('Pas encore envoyé, nouvel essai dans 5 s');
    fireEvent.click(screen.getByTestId('pending-cancel'));
    expect(cancel).toHaveBeenCalledWith('d-1');
    vi.useRealTimers();
  });
});
