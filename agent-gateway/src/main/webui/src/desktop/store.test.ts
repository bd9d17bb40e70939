import type { ConversationFrame, HelloFrame, MessageFrame, OfferFrame, ServerFrame } from './frames';
import { initialState, offerThread, reduce, resumePoints, stateKey, type DesktopState } from './store';

const NOW = Date.parse('2026-12-06T10:00:00Z');
const AT = '2026-12-06T09:59:00Z';

function hello(overrides: Partial<HelloFrame> = {}): HelloFrame {
  return {
    type: 'hello',
    agentId: 'alice',
    displayName: 'Alice Martin',
    presence: { state: 'AVAILABLE', activeChats: 0, capacity: 3, queueIds: ['support'] },
    offers: [],
    conversations: [],
    ...overrides,
  };
}

function message(conversationId: string, seq: number, text: string, senderType: MessageFrame['senderType'] = 'CUSTOMER', senderId: string | null = null): MessageFrame {
  return { type: 'message', conversationId, seq, occurredAt: AT, messageId: `m-${seq}`, senderType, senderId, senderName: 'Jean', audience: 'EVERYONE', text };
}

function offer(overrides: Partial<OfferFrame> = {}): OfferFrame {
  return { type: 'offer', offerId: 'o-1', conversationId: 'c-1', kind: 'QUEUE', customerName: 'Jean', queueName: 'Support', proactive: false, lastSeq: 3, thread: [message('c-1', 2, 'Hello?')], ...overrides };
}

function joined(conversationId: string, seq: number, agentId = 'alice'): ConversationFrame {
  return { type: 'participant', conversationId, seq, occurredAt: AT, change: 'joined', agentId, agentName: 'Alice Martin', from: 'OFFERED', to: 'ACTIVE', reason: null };
}

function run(frames: ServerFrame[], state: DesktopState = initialState): DesktopState {
  return frames.reduce((s, frame) => reduce(s, { type: 'frame', frame, now: NOW }), state);
}

describe('the desktop store', () => {
  it('takes the presence and opens a tab per current conversation from the hello', () => {
    const state = run([
      hello({
        conversations: [
          { conversationId: 'c-1', participantState: 'ACTIVE', customerName: 'Jean', proactive: false, lastSeq: 9 },
          { conversationId: 'c-2', participantState: 'WRAP_UP', customerName: 'Marie', proactive: false, lastSeq: 4 },
        ],
      }),
    ]);
    expect(state.presence?.state).toBe('AVAILABLE');
    expect(state.tabs).toEqual(['c-1', 'c-2']);
    expect(state.selectedId).toBe('c-1');
    // A fresh page has seen nothing: the resume replays both conversations from the start.
    expect(resumePoints(state)).toEqual({ 'c-1': 0, 'c-2': 0 });
  });

  it('never counts replayed history as unread, but counts new customer messages of other tabs', () => {
    let state = run([
      hello({
        conversations: [
          { conversationId: 'c-1', participantState: 'ACTIVE', proactive: false, lastSeq: 2 },
          { conversationId: 'c-2', participantState: 'ACTIVE', proactive: false, lastSeq: 2 },
        ],
      }),
    ]);
    state = run([message('c-2', 1, 'old'), message('c-2', 2, 'old too'), message('c-2', 3, 'new'), message('c-2', 4, 'newer')], state);
    expect(state.conversations['c-2'].unread).toBe(2);
    expect(state.conversations['c-2'].lastSeq).toBe(4);
    // The same frame again (a replay overlapping live frames) changes nothing.
    state = run([message('c-2', 4, 'newer')], state);
    expect(state.conversations['c-2'].unread).toBe(2);
    expect(state.conversations['c-2'].entries).toHaveLength(4);
    state = reduce(state, { type: 'select', conversationId: 'c-2' });
    expect(state.conversations['c-2'].unread).toBe(0);
  });

  it('does not count the agent’s own messages as unread', () => {
    let state = run([hello({ conversations: [{ conversationId: 'c-1', participantState: 'ACTIVE', proactive: false, lastSeq: 0 }, { conversationId: 'c-2', participantState: 'ACTIVE', proactive: false, lastSeq: 0 }] })]);
    state = run([message('c-2', 1, 'mine', 'AGENT', 'alice'), message('c-2', 2, 'colleague', 'AGENT', 'bob')], state);
    expect(state.conversations['c-2'].unread).toBe(1);
  });

  it('does not count system notices (a join, a transfer note) as unread: only people write unread messages', () => {
    let state = run([hello({ conversations: [{ conversationId: 'c-1', participantState: 'ACTIVE', proactive: false, lastSeq: 0 }, { conversationId: 'c-2', participantState: 'ACTIVE', proactive: false, lastSeq: 0 }] })]);
    state = run([message('c-2', 1, 'Alice joined the conversation', 'SYSTEM', null), message('c-2', 2, 'Any news?')], state);
    expect(state.conversations['c-2'].unread).toBe(1);
  });

  it('keeps a pending offer’s thread live, then opens and selects the tab on accept', () => {
    let state = run([hello(), offer()]);
    expect(state.offers.map((o) => o.offerId)).toEqual(['o-1']);
    state = run([message('c-1', 4, 'Still there?')], state);
    expect(offerThread(state, state.offers[0]).map((m) => m.text)).toEqual(['Hello?', 'Still there?']);
    expect(state.tabs).toEqual([]);
    state = run([{ type: 'offer-accepted', offerId: 'o-1', conversationId: 'c-1', kind: 'QUEUE' }], state);
    expect(state.offers).toEqual([]);
    expect(state.tabs).toEqual(['c-1']);
    expect(state.selectedId).toBe('c-1');
    expect(state.conversations['c-1'].customerName).toBe('Jean');
  });

  it('shows an offer once even when it is pushed again, and drops it when withdrawn', () => {
    let state = run([hello(), offer(), offer()]);
    expect(state.offers).toHaveLength(1);
    state = run([{ type: 'offer-withdrawn', offerId: 'o-1', conversationId: 'c-1', kind: 'QUEUE', reason: 'RONA_TIMEOUT' }], state);
    expect(state.offers).toEqual([]);
    expect(state.conversations['c-1']).toBeUndefined();
  });

  it('a hello after a reconnect keeps what was seen and resumes from it', () => {
    let state = run([hello({ conversations: [{ conversationId: 'c-1', participantState: 'ACTIVE', proactive: false, lastSeq: 5 }] })]);
    state = run([joined('c-1', 1), message('c-1', 5, 'five')], state);
    state = run([hello({ conversations: [{ conversationId: 'c-1', participantState: 'ACTIVE', proactive: false, lastSeq: 7 }] })], state);
    expect(resumePoints(state)).toEqual({ 'c-1': 5 });
    expect(state.conversations['c-1'].entries).toHaveLength(2);
  });

  it('follows the agent’s participation: wrap-up keeps the tab, done closes it and selects a neighbour', () => {
    let state = run([hello({ conversations: [{ conversationId: 'c-1', participantState: 'ACTIVE', proactive: false, lastSeq: 0 }, { conversationId: 'c-2', participantState: 'ACTIVE', proactive: false, lastSeq: 0 }] })]);
    const step = (seq: number, from: 'ACTIVE' | 'WRAP_UP', to: 'WRAP_UP' | 'DONE'): ConversationFrame => ({
      type: 'participant', conversationId: 'c-1', seq, occurredAt: AT, change: to === 'DONE' ? 'done' : 'left', agentId: 'alice', agentName: 'Alice', from, to, reason: null,
    });
    state = run([step(1, 'ACTIVE', 'WRAP_UP')], state);
    expect(state.conversations['c-1'].myState).toBe('WRAP_UP');
    expect(state.tabs).toEqual(['c-1', 'c-2']);
    state = run([step(2, 'WRAP_UP', 'DONE')], state);
    expect(state.tabs).toEqual(['c-2']);
    expect(state.selectedId).toBe('c-2');
  });

  it('a colleague’s participation does not change the agent’s own', () => {
    let state = run([hello({ conversations: [{ conversationId: 'c-1', participantState: 'CONFERENCE', proactive: false, lastSeq: 0 }] })]);
    state = run([{ type: 'conference', conversationId: 'c-1', seq: 1, occurredAt: AT, status: 'ended', agentId: 'bob', agentName: 'Bob', from: 'CONFERENCE', to: 'WRAP_UP', reason: null }], state);
    expect(state.conversations['c-1'].myState).toBe('CONFERENCE');
    expect(state.conversations['c-1'].participants.bob).toEqual({ name: 'Bob', state: 'WRAP_UP' });
  });

  it('an older frame fetched later never overrides the newer conversation state', () => {
    let state = run([hello({ conversations: [{ conversationId: 'c-1', participantState: 'ACTIVE', proactive: false, lastSeq: 0 }] })]);
    state = run([{ type: 'customer-ended', conversationId: 'c-1', seq: 8, occurredAt: AT, from: 'CONNECTED', to: 'CUSTOMER_ENDED', reason: null, text: 'The customer has ended the conversation' }], state);
    state = reduce(state, {
      type: 'backfill',
      conversationId: 'c-1',
      frames: [
        { type: 'conversation-started', conversationId: 'c-1', seq: 1, occurredAt: AT, queueId: 'support', queueName: 'Support', customerName: 'Jean', proactive: false, cad: { orderId: 'A-42' } },
        { type: 'conversation-state', conversationId: 'c-1', seq: 4, occurredAt: AT, from: 'OFFERED', to: 'CONNECTED', reason: null },
      ],
    });
    expect(state.conversations['c-1'].state).toBe('CUSTOMER_ENDED');
    expect(state.conversations['c-1'].cad).toEqual({ orderId: 'A-42' });
    expect(state.conversations['c-1'].customerName).toBe('Jean');
    expect(state.conversations['c-1'].entries.map((e) => e.seq)).toEqual([1, 4, 8]);
  });

  it('times the state from its change, not from a load change, and restores it after a reload', () => {
    let state = run([hello()]);
    expect(state.stateSince).toBe(NOW);
    const later = NOW + 60_000;
    const load = { type: 'agent-state', agentId: 'alice', state: 'AVAILABLE', previousState: 'AVAILABLE', idleCode: null, reason: 'load', activeChats: 1, capacity: 3, occurredAt: AT } as const;
    state = reduce(state, { type: 'frame', frame: load, now: later });
    expect(state.stateSince).toBe(NOW);
    expect(state.presence?.activeChats).toBe(1);
    state = reduce(state, { type: 'frame', frame: { ...load, state: 'IDLE', idleCode: 'BREAK' }, now: later });
    expect(state.stateSince).toBe(later);
    expect(stateKey(state.presence!.state, state.presence!.idleCode)).toBe('IDLE:BREAK');

    const reloaded = reduce(initialState, { type: 'frame', frame: hello({ presence: { state: 'IDLE', idleCode: 'BREAK', activeChats: 0, capacity: 3, queueIds: [] } }), now: later + 5000, restoredStateSince: { key: 'IDLE:BREAK', since: later } });
    expect(reloaded.stateSince).toBe(later);
    const otherState = reduce(initialState, { type: 'frame', frame: hello(), now: later + 5000, restoredStateSince: { key: 'IDLE:BREAK', since: later } });
    expect(otherState.stateSince).toBe(later + 5000);
    // A fresh login elsewhere: the gateway says since when.
    const elsewhere = reduce(initialState, { type: 'frame', frame: hello({ presence: { state: 'AVAILABLE', activeChats: 0, capacity: 3, queueIds: [], stateSince: '2026-12-06T09:30:00Z' } }), now: later });
    expect(elsewhere.stateSince).toBe(Date.parse('2026-12-06T09:30:00Z'));
  });

  it('puts a refusal on its conversation, others on the desktop', () => {
    let state = run([hello({ conversations: [{ conversationId: 'c-1', participantState: 'ACTIVE', proactive: false, lastSeq: 0 }] })]);
    state = run([{ type: 'error', conversationId: 'c-1', code: 'RESERVED_CHARACTERS', message: 'No < or >' }, { type: 'error', code: 'RATE_LIMITED', message: 'Slow down' }], state);
    expect(state.conversations['c-1'].error).toEqual({ code: 'RESERVED_CHARACTERS', message: 'No < or >' });
    expect(state.error).toEqual({ code: 'RATE_LIMITED', message: 'Slow down' });
  });
});

describe('backfilled participation', () => {
  it('an older step fetched later does not undo a newer one', () => {
    let state = run([hello({ conversations: [{ conversationId: 'c-1', participantState: 'WRAP_UP', proactive: false, lastSeq: 0 }] })]);
    state = run([{ type: 'participant', conversationId: 'c-1', seq: 9, occurredAt: AT, change: 'left', agentId: 'alice', agentName: 'Alice', from: 'ACTIVE', to: 'WRAP_UP', reason: null }], state);
    state = reduce(state, { type: 'backfill', conversationId: 'c-1', frames: [joined('c-1', 5)] });
    expect(state.conversations['c-1'].myState).toBe('WRAP_UP');
  });
  it('marks the customer as typing on a conversation it knows, and never stores it as a frame', () => {
    let state = run([hello(), joined('c-1', 4)]);
    const entries = state.conversations['c-1'].entries.length;
    state = reduce(state, { type: 'typing', conversationId: 'c-1', typing: true });
    expect(state.conversations['c-1'].customerTyping).toBe(true);
    expect(state.conversations['c-1'].entries).toHaveLength(entries);
    expect(reduce(state, { type: 'typing', conversationId: 'c-1', typing: true })).toBe(state);
    state = reduce(state, { type: 'typing', conversationId: 'c-1', typing: false });
    expect(state.conversations['c-1'].customerTyping).toBe(false);
    expect(reduce(state, { type: 'typing', conversationId: 'unknown', typing: true }).conversations.unknown).toBeUndefined();
  });
});
