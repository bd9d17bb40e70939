import { cadAttributes, composeDisabledReason, conversationActions, threadEntries, withPending, withSeenMark, type ThreadFrame } from './adapters';

const at = '2026-12-06T10:00:00Z';
let seq = 0;
const frame = (fields: Partial<ThreadFrame> & { type: string }): ThreadFrame => ({ seq: ++seq, occurredAt: at, ...fields });

describe('threadEntries', () => {
  it('turns messages into bubbles and steps into events, each step once, SYSTEM messages left to the events', () => {
    const frames = [
      frame({ type: 'conversation-started' }),
      frame({ type: 'conversation-state', to: 'QUEUED', reason: 'NEW', queueName: 'Support' }),
      frame({ type: 'message', messageId: 'm1', senderType: 'CUSTOMER', senderName: 'Mel', audience: 'EVERYONE', text: 'Hi\nthere' }),
      frame({ type: 'participant', change: 'joined', agentId: 'alice', agentName: 'Alice', to: 'ACTIVE' }),
      frame({ type: 'message', messageId: 's1', senderType: 'SYSTEM', senderName: 'System', audience: 'EVERYONE', text: 'Alice joined the chat' }),
      frame({ type: 'message', messageId: 'm2', senderType: 'AGENT', senderId: 'alice', senderName: 'Alice', audience: 'EVERYONE', text: 'Hello' }),
      frame({ type: 'message', messageId: 'm3', senderType: 'AGENT', senderId: 'bob', senderName: 'Bob', audience: 'AGENTS', text: 'psst' }),
      frame({ type: 'conference', status: 'requested', agentId: 'bob', requestedBy: 'alice', queueName: null }),
      frame({ type: 'conference', status: 'requested', agentId: 'alice', agentName: 'Alice', from: 'ACTIVE', to: 'CONFERENCE_REQUESTED' }),
      frame({ type: 'conference', status: 'accepted', agentId: 'bob', agentName: 'Bob', from: 'OFFERED', to: 'CONFERENCE' }),
      frame({ type: 'conference', status: 'accepted', agentId: 'alice', agentName: 'Alice', from: 'CONFERENCE_REQUESTED', to: 'CONFERENCE' }),
      frame({ type: 'conference', status: 'ended', agentId: 'alice', agentName: 'Alice', from: 'CONFERENCE', to: 'ACTIVE' }),
      frame({ type: 'conference', status: 'ended', agentId: 'bob', agentName: 'Bob', from: 'CONFERENCE', to: 'WRAP_UP' }),
      frame({ type: 'transfer', status: 'requested', agentId: null, queueName: 'Sales' }),
      frame({ type: 'customer-ended', to: 'CUSTOMER_ENDED', text: 'The customer has ended the conversation' }),
      frame({ type: 'wrap-up-recorded', agentId: 'alice', reasonCode: 'RESOLVED', reasonLabel: 'Resolved' }),
    ];
    const entries = threadEntries(frames, { bob: 'Bob Durand', alice: 'Alice Martin' });
    expect(entries.map((e) => e.event?.kind ?? `${e.author}:${e.text}`)).toEqual([
      'customer:Hi\nthere',
      'agent-joined',
      'agent:Hello',
      'agent:psst',
      'conference-requested',
      'conference-accepted',
      'conference-ended',
      'transfer-to-queue',
      'customer-ended',
      'wrap-up-recorded',
    ]);
    expect(entries[2]).toMatchObject({ id: 'm2', agentId: 'alice', authorName: 'Alice', internal: undefined });
    expect(entries[3].internal).toBe(true);
    expect(entries[4].event).toEqual({ kind: 'conference-requested', agentName: 'Bob Durand' });
    expect(entries[6].event).toEqual({ kind: 'conference-ended', agentName: 'Bob' });
    expect(entries[9].event).toEqual({ kind: 'wrap-up-recorded', agentName: 'Alice Martin', reasonLabel: 'Resolved' });
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it('keeps SYSTEM messages when asked (a transcript as stored)', () => {
    const frames = [frame({ type: 'message', messageId: 's', senderType: 'SYSTEM', senderName: 'System', text: 'x' })];
    expect(threadEntries(frames, {}, true)).toEqual([{ id: 's', author: 'system', authorName: 'System', agentId: undefined, text: 'x', at, internal: undefined, seq: 17 }]);
  });
});

describe('composeDisabledReason', () => {
  it('says the most lasting reason first', () => {
    expect(composeDisabledReason({ connected: true, conversationState: 'CONNECTED', participantState: 'ACTIVE' })).toBeNull();
    expect(composeDisabledReason({ connected: false, conversationState: 'CONNECTED', participantState: 'ACTIVE' })).toBe('reconnecting');
    expect(composeDisabledReason({ connected: false, conversationState: 'CUSTOMER_ENDED', participantState: 'ACTIVE' })).toBe('customer-ended');
    expect(composeDisabledReason({ connected: true, conversationState: 'INTERRUPTED' })).toBe('interrupted');
    expect(composeDisabledReason({ connected: true, conversationState: 'CONNECTED', participantState: 'WRAP_UP' })).toBe('wrap-up');
    expect(composeDisabledReason({ connected: true, conversationState: 'ENDED' })).toBe('ended');
  });
});

describe('conversationActions', () => {
  it('follows the gateway rules of each endpoint', () => {
    expect(conversationActions('ACTIVE', 'CONNECTED')).toEqual({ canTransfer: true, canConference: true, inConference: false, canEnd: true });
    expect(conversationActions('CONFERENCE', 'CONNECTED')).toEqual({ canTransfer: false, canConference: false, inConference: true, canEnd: true });
    expect(conversationActions('ACTIVE', 'CUSTOMER_ENDED')).toEqual({ canTransfer: false, canConference: false, inConference: false, canEnd: true });
    expect(conversationActions('WRAP_UP', 'CONNECTED').canEnd).toBe(false);
  });
});

describe('cadAttributes', () => {
  it('lists the variables as received', () => {
    expect(cadAttributes({ email: 'm******@gmail.com' })).toEqual([{ name: 'email', value: 'm******@gmail.com' }]);
    expect(cadAttributes(null)).toEqual([]);
  });
});

describe('withSeenMark', () => {
  it('marks the agents\' last message the customer has read, never an internal one', () => {
    const messages = [
      { id: 'a1', author: 'agent' as const, at, seq: 3 },
      { id: 'c1', author: 'customer' as const, at, seq: 4 },
      { id: 'a2', author: 'agent' as const, at, seq: 5 },
      { id: 'n1', author: 'agent' as const, at, seq: 6, internal: true },
      { id: 'a3', author: 'agent' as const, at, seq: 8 },
    ];
    expect(withSeenMark(messages, 0).some((m) => m.seen)).toBe(false);
    expect(withSeenMark(messages, 7).filter((m) => m.seen).map((m) => m.id)).toEqual(['a2']);
    expect(withSeenMark(messages, 9).filter((m) => m.seen).map((m) => m.id)).toEqual(['a3']);
  });
});

describe('withPending', () => {
  const self = { agentId: 'a-1', agentName: 'Alice' };
  const pending = (id: string) => ({ clientMessageId: id, text: `text ${id}`, at: '2026-12-06T10:00:00Z', retryAt: null });

  it("draws this agent's messages not acknowledged yet after the thread, as own bubbles", () => {
    const shown = withPending([{ id: 'm-1', author: 'customer', text: 'hi', at: '2026-12-06T09:59:00Z', seq: 3 }], [pending('d-1')], self);
    expect(shown.map((m) => m.id)).toEqual(['m-1', 'd-1']);
    expect(shown[1]).toMatchObject({ author: 'agent', agentId: 'a-1', authorName: 'Alice', text: 'text d-1', pending: pending('d-1') });
  });

  it('never shows a message twice: one whose real message is in the thread is not drawn', () => {
    const shown = withPending([{ id: 'd-1', author: 'agent', agentId: 'a-1', text: 'text d-1', at: '2026-12-06T10:00:01Z', seq: 4 }], [pending('d-1')], self);
    expect(shown).toHaveLength(1);
    expect(shown[0].pending).toBeUndefined();
  });
});
