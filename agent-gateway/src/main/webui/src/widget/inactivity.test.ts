import type { ServerFrame } from './protocol';
import { initialState, reduce, type ChatState } from './state';

// Customer inactivity (issue 14): the "are you still there?" warning and the end for inactivity, in the widget.
const ID = 'c-1';
const at = (second: number) => `2026-12-06T10:00:${String(second).padStart(2, '0')}Z`;
const ENDS_AT = '2026-12-06T10:05:00Z';

function apply(state: ChatState, ...frames: ServerFrame[]): ChatState {
  return frames.reduce((current, frame) => reduce(current, { type: 'frame', frame }), state);
}
const joined: ServerFrame = { type: 'agent-joined', conversationId: ID, seq: 3, occurredAt: at(3), agentName: 'Alice' };
const warning = (seq: number): ServerFrame => ({ type: 'inactivity-warning', conversationId: ID, seq, occurredAt: at(seq), endsAt: ENDS_AT });
const message = (seq: number, senderType: 'CUSTOMER' | 'AGENT'): ServerFrame => ({
  type: 'message', conversationId: ID, seq, occurredAt: at(seq), messageId: `m-${seq}`, senderType, senderName: null, text: 'hi',
});

describe('customer inactivity in the widget', () => {
  it('shows the warning until the customer writes; an agent message does not clear it', () => {
    let state = apply(initialState(ID), joined, warning(4));
    expect(state.inactivityEndsAt).toBe(ENDS_AT);
    expect(state.lastSeq).toBe(4);
    state = apply(state, message(5, 'AGENT'));
    expect(state.inactivityEndsAt).toBe(ENDS_AT);
    state = reduce(state, { type: 'sending', clientMessageId: 'mine', text: "I'm still here.", at: at(6) });
    expect(state.inactivityEndsAt).toBeNull();
  });

  it('clears the warning when the customer message arrives from another tab', () => {
    const state = apply(initialState(ID), joined, warning(4), message(5, 'CUSTOMER'));
    expect(state.inactivityEndsAt).toBeNull();
  });

  it('does not bring back a warning already followed by something newer (a replay)', () => {
    const state = apply(initialState(ID), joined, message(5, 'CUSTOMER'), warning(4));
    expect(state.inactivityEndsAt).toBeNull();
  });

  it('ends for inactivity with its own end line, and the warning goes', () => {
    const state = apply(initialState(ID), joined, warning(4), {
      type: 'conversation-ended', conversationId: ID, seq: 5, occurredAt: at(5), state: 'INACTIVE', reason: 'the customer did not reply',
    });
    expect(state.phase).toBe('ended');
    expect(state.inactivityEndsAt).toBeNull();
    const last = state.entries[state.entries.length - 1];
    expect(last.kind === 'event' && last.event === 'ended' ? last.reason : null).toBe('inactive');
  });

  it('knows an INACTIVE chat is over from the hello', () => {
    const state = apply(initialState(ID), { type: 'hello', conversationId: ID, lastSeq: 9, state: 'INACTIVE' });
    expect(state.phase).toBe('ended');
  });
});
