import type { ServerFrame } from './protocol';
import { initialState, reduce, status, unsent, visibleEntries, type ChatState } from './state';

const ID = 'c-1';
const at = (second: number) => `2026-12-06T10:00:${String(second).padStart(2, '0')}Z`;

function apply(state: ChatState, ...frames: ServerFrame[]): ChatState {
  return frames.reduce((current, frame) => reduce(current, { type: 'frame', frame }), state);
}
const joined = (seq: number, agentName = 'Alice'): ServerFrame => ({
  type: 'agent-joined', conversationId: ID, seq, occurredAt: at(seq), agentName,
});
const left = (seq: number, agentName = 'Alice'): ServerFrame => ({
  type: 'agent-left', conversationId: ID, seq, occurredAt: at(seq), agentName,
});
const message = (seq: number, text: string, senderType: 'CUSTOMER' | 'AGENT' | 'SYSTEM' = 'AGENT', messageId = `m-${seq}`): ServerFrame => ({
  type: 'message', conversationId: ID, seq, occurredAt: at(seq), messageId, senderType,
  senderName: senderType === 'AGENT' ? 'Alice' : senderType === 'SYSTEM' ? 'System' : 'Claire', text,
});
const open = (state: ChatState) => reduce(state, { type: 'socket', open: true });

describe('the chat state', () => {
  it('waits with the queue position the hello and the queue-position frames give', () => {
    let state = apply(open(initialState(ID)), { type: 'hello', conversationId: ID, lastSeq: 2, state: 'QUEUED', queuePosition: 3 });
    expect(status(state)).toBe('waiting');
    expect(state.queuePosition).toBe(3);
    state = apply(state, { type: 'queue-position', conversationId: ID, queueId: 'q', position: 1 });
    expect(state.queuePosition).toBe(1);
  });

  it('keeps the estimated wait of the last queue-position frame, across a hello, and none when it has none', () => {
    let state = apply(open(initialState(ID)), { type: 'queue-position', conversationId: ID, queueId: 'q', position: 2, estimatedWaitSeconds: 240 });
    expect(state.estimatedWaitSeconds).toBe(240);
    state = apply(state, { type: 'hello', conversationId: ID, lastSeq: 0, state: 'QUEUED', queuePosition: 2 });
    expect(state.estimatedWaitSeconds).toBe(240);
    state = apply(state, { type: 'queue-position', conversationId: ID, queueId: 'q', position: 1 });
    expect(state.estimatedWaitSeconds).toBeNull();
  });

  it('shows the no-agent notice while waiting, repeated by the hello, and forgets it once an agent joins', () => {
    const notice = (text: string | null): ServerFrame => ({ type: 'waiting-notice', conversationId: ID, queueId: 'q', waitedSeconds: 60, text });
    let state = apply(open(initialState(ID)), { type: 'hello', conversationId: ID, lastSeq: 2, state: 'QUEUED', queuePosition: 1 });
    expect(state.noAgentNotice).toBeNull();
    state = apply(state, notice(null));
    expect(state.noAgentNotice).toEqual({ text: null });
    state = apply(state, { type: 'hello', conversationId: ID, lastSeq: 2, state: 'QUEUED', queuePosition: 1 });
    expect(state.noAgentNotice).toBeNull(); // the gateway no longer has one for this wait
    state = apply(state, { type: 'hello', conversationId: ID, lastSeq: 2, state: 'QUEUED', waitingNotice: { waitedSeconds: 60, text: 'Busy day!' } });
    expect(state.noAgentNotice).toEqual({ text: 'Busy day!' });
    state = apply(state, { type: 'hello', conversationId: ID, lastSeq: 2, state: null });
    expect(state.noAgentNotice).toEqual({ text: 'Busy day!' }); // state not known yet: kept
    state = apply(state, joined(3));
    expect(state.noAgentNotice).toBeNull();
    expect(apply(state, notice('late')).noAgentNotice).toBeNull(); // after an agent joined: not shown
    const ended = apply(open(initialState(ID)), notice(null), { type: 'conversation-ended', conversationId: ID, seq: 4, occurredAt: at(4), state: 'ABANDONED', reason: null });
    expect(ended.noAgentNotice).toBeNull();
  });

  it('is connected once an agent joins, and forgets the queue position', () => {
    const state = apply(open(initialState(ID)), { type: 'queue-position', conversationId: ID, queueId: 'q', position: 1, estimatedWaitSeconds: 60 }, joined(3));
    expect(status(state)).toBe('connected');
    expect(state.queuePosition).toBeNull();
    expect(state.estimatedWaitSeconds).toBeNull();
    expect(state.agents).toEqual(['Alice']);
  });

  it('shows reconnecting while the socket is down, and ended over everything once the chat is over', () => {
    let state = apply(initialState(ID), joined(3));
    expect(status(state)).toBe('connected'); // not yet connected once: nothing to reconnect
    state = open(state);
    expect(status(state)).toBe('connected');
    expect(status(reduce(state, { type: 'socket', open: false }))).toBe('reconnecting');
    state = apply(state, { type: 'conversation-ended', conversationId: ID, seq: 9, occurredAt: at(9), state: 'ENDED', reason: null });
    expect(status(reduce(state, { type: 'socket', open: false }))).toBe('ended');
  });

  it('says who ended the chat', () => {
    const ended = (state: 'CUSTOMER_ENDED' | 'ENDED' | 'ABANDONED' | 'INTERRUPTED', requested = false, reason: string | null = null) => {
      const start = requested ? reduce(initialState(ID), { type: 'end-requested' }) : initialState(ID);
      const entry = apply(start, { type: 'conversation-ended', conversationId: ID, seq: 5, occurredAt: at(5), state, reason }).entries[0];
      return entry.kind === 'event' && entry.event === 'ended' ? entry.reason : null;
    };
    expect(ended('CUSTOMER_ENDED')).toBe('customer');
    expect(ended('ENDED')).toBe('agent');
    expect(ended('ABANDONED')).toBe('no-agent');
    expect(ended('ABANDONED', true)).toBe('customer');
    expect(ended('ABANDONED', false, 'no agent available in time')).toBe('queue-timeout');
    expect(ended('ABANDONED', false, 'transfer to Bob not accepted')).toBe('no-agent');
    expect(ended('INTERRUPTED')).toBe('interrupted');
  });

  it('goes back to waiting when the last agent leaves a chat that goes on (a transfer)', () => {
    const state = apply(open(initialState(ID)), joined(3), left(6));
    expect(status(state)).toBe('waiting');
  });
});

describe('joined and left are shown once each', () => {
  it('when a reconnect replays frames already applied', () => {
    const first = apply(open(initialState(ID)), joined(3), message(4, 'Alice joined the chat', 'SYSTEM'), message(5, 'Hi'));
    const replayed = apply(first, joined(3), message(4, 'Alice joined the chat', 'SYSTEM'), message(5, 'Hi'), left(7));
    const shown = visibleEntries(replayed);
    expect(shown.filter((entry) => entry.kind === 'event' && entry.event === 'joined')).toHaveLength(1);
    expect(shown.filter((entry) => entry.kind === 'event' && entry.event === 'left')).toHaveLength(1);
    expect(replayed.agents).toEqual([]);
    expect(replayed.lastSeq).toBe(7);
  });

  it('without the system message that says the same in English', () => {
    const state = apply(open(initialState(ID)), joined(3), message(4, 'Alice joined the chat', 'SYSTEM'),
      left(8), message(9, 'Alice left the chat', 'SYSTEM'), message(10, 'You are being transferred to another agent. Please wait.', 'SYSTEM'));
    expect(visibleEntries(state).map((entry) => (entry.kind === 'event' ? entry.event : entry.text))).toEqual([
      'joined',
      'left',
      'You are being transferred to another agent. Please wait.',
    ]);
  });

  it('keeps the thread in seq order whatever order the frames come in', () => {
    const state = apply(initialState(ID), message(5, 'second'), joined(3));
    expect(state.entries.map((entry) => entry.seq)).toEqual([3, 5]);
  });
});

describe('the customer\'s own messages', () => {
  it('show at once as sending, and the echo (same id) replaces them', () => {
    let state = reduce(open(initialState(ID)), { type: 'sending', clientMessageId: 'k1', text: 'Line 1\nLine 2', at: at(1) });
    expect(unsent(state)).toEqual([{ clientMessageId: 'k1', text: 'Line 1\nLine 2', at: at(1), retryAt: null }]);
    state = apply(state, message(4, 'Line 1\nLine 2', 'CUSTOMER', 'k1'));
    expect(state.entries).toHaveLength(1);
    expect(state.entries[0]).toMatchObject({ seq: 4, delivery: null, masked: false, text: 'Line 1\nLine 2' });
    expect(unsent(state)).toEqual([]);
  });

  it('take the stored, masked text when it comes back, and say so', () => {
    let state = reduce(open(initialState(ID)), { type: 'sending', clientMessageId: 'k1', text: 'card 4111 1111 1111 1111', at: at(1) });
    state = apply(state, message(4, 'card ****************', 'CUSTOMER', 'k1'));
    expect(state.entries[0]).toMatchObject({ text: 'card ****************', masked: true });
  });

  it('stay after what the server has sent until echoed', () => {
    let state = reduce(open(initialState(ID)), { type: 'sending', clientMessageId: 'k1', text: 'mine', at: at(1) });
    state = apply(state, message(4, 'from the agent'));
    expect(state.entries.map((entry) => (entry.kind === 'message' ? entry.text : ''))).toEqual(['from the agent', 'mine']);
  });

  it('are marked failed, with the reason, when the gateway refuses them', () => {
    let state = reduce(open(initialState(ID)), { type: 'sending', clientMessageId: 'k1', text: 'x', at: at(1) });
    state = apply(state, { type: 'error', correlationId: 'k1', code: 'MESSAGE_TOO_LONG', message: 'too long' });
    expect(state.entries[0]).toMatchObject({ delivery: 'failed' });
    expect(state.error).toEqual({ key: 'error.tooLong' });
    expect(unsent(state)).toEqual([]);
  });

  it('stay pending with a calm notice while a dependency is down, the notice going once the echo comes', () => {
    let state = reduce(open(initialState(ID)), { type: 'sending', clientMessageId: 'k1', text: 'hello', at: at(1) });
    state = apply(state, { type: 'error', correlationId: 'k1', code: 'SERVICE_UNAVAILABLE', message: 'down', status: 503 });
    expect(state.entries[0]).toMatchObject({ delivery: 'sending', text: 'hello' });
    expect(state.error).toEqual({ key: 'error.unavailable' });
    expect(unsent(state)).toEqual([{ clientMessageId: 'k1', text: 'hello', at: at(1), retryAt: null }]);
    state = apply(state, message(5, 'hello', 'CUSTOMER', 'k1'));
    expect(state.error).toBeNull();
    expect(state.entries).toHaveLength(1);
    expect(state.entries[0]).toMatchObject({ delivery: null, seq: 5 });
  });

  it('say when the next attempt goes, and are "sending" again when it does', () => {
    let state = reduce(open(initialState(ID)), { type: 'sending', clientMessageId: 'k1', text: 'hello', at: at(1) });
    state = reduce(state, { type: 'send-failed', clientMessageId: 'k1', code: 'SERVICE_UNAVAILABLE', retryAt: 5000 });
    expect(unsent(state)[0].retryAt).toBe(5000);
    state = reduce(state, { type: 'retrying', clientMessageId: 'k1' });
    expect(unsent(state)[0].retryAt).toBeNull();
  });

  it('can be cancelled by the customer: gone from the thread, the notice with it once nothing waits', () => {
    let state = reduce(open(initialState(ID)), { type: 'sending', clientMessageId: 'k1', text: 'hello', at: at(1) });
    state = reduce(state, { type: 'sending', clientMessageId: 'k2', text: 'again', at: at(2) });
    state = reduce(state, { type: 'send-failed', clientMessageId: 'k1', code: 'SERVICE_UNAVAILABLE', retryAt: 5000 });
    state = reduce(state, { type: 'cancel', clientMessageId: 'k1' });
    expect(unsent(state).map((m) => m.clientMessageId)).toEqual(['k2']);
    expect(state.error).toEqual({ key: 'error.unavailable' });
    state = reduce(state, { type: 'cancel', clientMessageId: 'k2' });
    expect(state.entries).toEqual([]);
    expect(state.error).toBeNull();
  });

  it('restored after a reload are shown "sending" at once and replaced by their echo, never twice', () => {
    let state = open(initialState(ID, [{ clientMessageId: 'k1', text: 'before reload', at: at(1), retryAt: null }]));
    expect(state.entries).toHaveLength(1);
    expect(state.entries[0]).toMatchObject({ delivery: 'sending', text: 'before reload', seq: null });
    state = apply(state, message(4, 'before reload', 'CUSTOMER', 'k1'));
    state = apply(state, message(4, 'before reload', 'CUSTOMER', 'k1'));
    expect(state.entries).toHaveLength(1);
    expect(unsent(state)).toEqual([]);
  });
});
