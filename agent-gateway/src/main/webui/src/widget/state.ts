import type { ConversationEndedFrame, ConversationFrame, HelloFrame, MessageFrame, ServerFrame } from './protocol';
import { systemNotice } from './systemNotices';
import { isUnavailable } from '../shared/unavailable';
import type { PendingMessage } from '../shared/pendingMessages';

/** The notice while a dependency is down: the message stays pending and is sent again by itself. */
export const UNAVAILABLE_KEY = 'error.unavailable';

/** What the customer sees of the chat: `reconnecting` only while the socket is down on a chat not yet over. */
export type ChatStatus = 'waiting' | 'connected' | 'ended' | 'reconnecting';
export type Author = 'customer' | 'agent' | 'system';
export type EndReason = 'customer' | 'agent' | 'no-agent' | 'queue-timeout' | 'interrupted' | 'inactive';

/**
 * The reason of the conversation service's ABANDONED when the queue's maximum wait ran out (RoutingReactions
 * .queueTimedOut; listed in docs/events.md): the widget says so plainly rather than the generic "no agent".
 */
export const QUEUE_TIMEOUT_REASON = 'no agent available in time';

/** One line of the thread. Entries from the server have a seq; a message being sent has none yet. */
export type Entry =
  | {
      kind: 'message';
      key: string;
      seq: number | null;
      author: Author;
      name: string | null;
      text: string;
      at: string;
      /** Sent by this page, not yet back from the server (null once echoed). */
      delivery: 'sending' | 'failed' | null;
      /** While 'sending' after a SERVICE_UNAVAILABLE refusal: when the next attempt goes (epoch ms). */
      retryAt?: number | null;
      /** The stored (masked) text differs from what the customer typed. */
      masked: boolean;
    }
  | { kind: 'event'; key: string; seq: number; event: 'joined' | 'left'; name: string; at: string }
  | { kind: 'event'; key: string; seq: number; event: 'ended'; reason: EndReason; at: string };

export interface ChatState {
  conversationId: string;
  /** The highest seq applied: the `resume` asks for everything after it. */
  lastSeq: number;
  /** null until the first connection opens: only a socket that was up and went down is "reconnecting". */
  socketOpen: boolean | null;
  /** Where the conversation is, whatever the socket does. */
  phase: 'waiting' | 'connected' | 'ended';
  queuePosition: number | null;
  /** The estimated wait that came with the last `queue-position` frame; null when none (or no longer waiting). */
  estimatedWaitSeconds: number | null;
  /**
   * The queue's "no agent has joined yet" notice (a `waiting-notice` frame, or repeated in the hello): `text` is the
   * queue's own words, null for the widget's. null when none was given, and again once an agent joins.
   */
  noAgentNotice: { text: string | null } | null;
  agents: string[];
  entries: Entry[];
  /** The customer asked to end (tells "you ended" from "no agent was available" when a waiting chat ends). */
  endRequested: boolean;
  /**
   * When the chat ends unless the customer writes (an `inactivity-warning` frame: "are you still there?"); null
   * when no warning is pending. The customer's next message (or the end) clears it.
   */
  inactivityEndsAt: string | null;
  /** The error to show in the chat (a translation key and its values), null when none. */
  error: { key: string; values?: Record<string, string> } | null;
}

export type Action =
  | { type: 'frame'; frame: ServerFrame }
  | { type: 'socket'; open: boolean }
  | { type: 'sending'; clientMessageId: string; text: string; at: string }
  | { type: 'send-failed'; clientMessageId: string; code: string; retryAt?: number | null }
  /** An automatic attempt goes now (after a SERVICE_UNAVAILABLE refusal): "Sending…" again. */
  | { type: 'retrying'; clientMessageId: string }
  /** The customer gave up on a message not sent yet. */
  | { type: 'cancel'; clientMessageId: string }
  | { type: 'end-requested' }
  | { type: 'error'; key: string | null; values?: Record<string, string> };

/** A chat's state when its view opens: the messages left unsent before a reload are shown "Sending…" at once. */
export function initialState(conversationId: string, restored: readonly PendingMessage[] = []): ChatState {
  return {
    conversationId,
    lastSeq: 0,
    socketOpen: null,
    phase: 'waiting',
    queuePosition: null,
    estimatedWaitSeconds: null,
    noAgentNotice: null,
    agents: [],
    entries: restored.map((message) => sendingEntry(message.clientMessageId, message.text, message.at)),
    endRequested: false,
    inactivityEndsAt: null,
    error: null,
  };
}

export function status(state: ChatState): ChatStatus {
  if (state.phase === 'ended') return 'ended';
  return state.socketOpen === false ? 'reconnecting' : state.phase;
}

/**
 * Messages the customer has written that the server has not echoed yet: sent again after a reconnect, kept in the
 * session across a reload, drawn with their status (shared/pendingMessages.ts).
 */
export function unsent(state: ChatState): PendingMessage[] {
  return state.entries.flatMap((entry) =>
    entry.kind === 'message' && entry.delivery === 'sending'
      ? [{ clientMessageId: entry.key, text: entry.text, at: entry.at, retryAt: entry.retryAt ?? null }]
      : [],
  );
}

function sendingEntry(clientMessageId: string, text: string, at: string): Entry {
  return { kind: 'message', key: clientMessageId, seq: null, author: 'customer', name: null, text, at, delivery: 'sending', retryAt: null, masked: false };
}

/** The thread as shown: system messages that only restate a join, leave or end are left out. */
export function visibleEntries(state: ChatState): Entry[] {
  return state.entries.filter(
    (entry) => !(entry.kind === 'message' && entry.author === 'system' && systemNotice(entry.text).kind === 'restates-frame'),
  );
}

export function reduce(state: ChatState, action: Action): ChatState {
  switch (action.type) {
    case 'frame':
      return onFrame(state, action.frame);
    case 'socket':
      return { ...state, socketOpen: action.open };
    case 'sending':
      return {
        ...state,
        error: null,
        inactivityEndsAt: null,
        entries: [...state.entries, sendingEntry(action.clientMessageId, action.text, action.at)],
      };
    case 'send-failed':
      if (isUnavailable(action.code)) {
        // Not lost, not failed: still 'sending', retried with the same clientMessageId (shared/unavailable.ts).
        const retried = action.retryAt === undefined ? state : withPendingEntry(state, action.clientMessageId, (e) => ({ ...e, retryAt: action.retryAt }));
        return { ...retried, error: { key: UNAVAILABLE_KEY } };
      }
      return {
        ...state,
        error: { key: errorKey(action.code) },
        entries: state.entries.map((entry) =>
          entry.kind === 'message' && entry.key === action.clientMessageId && entry.seq === null
            ? { ...entry, delivery: 'failed' }
            : entry,
        ),
      };
    case 'retrying':
      return withPendingEntry(state, action.clientMessageId, (e) => ({ ...e, retryAt: null }));
    case 'cancel': {
      const entries = state.entries.filter((e) => !(e.kind === 'message' && e.seq === null && e.key === action.clientMessageId));
      const stillPending = entries.some((e) => e.kind === 'message' && e.delivery === 'sending');
      return { ...state, entries, error: state.error?.key === UNAVAILABLE_KEY && !stillPending ? null : state.error };
    }
    case 'end-requested':
      return { ...state, endRequested: true };
    case 'error':
      return { ...state, error: action.key ? { key: action.key, values: action.values } : null };
  }
}

function withPendingEntry(state: ChatState, clientMessageId: string, change: (entry: Entry & { kind: 'message' }) => Entry): ChatState {
  return {
    ...state,
    entries: state.entries.map((e) => (e.kind === 'message' && e.seq === null && e.key === clientMessageId ? change(e) : e)),
  };
}

/** The translation key of a refusal code the gateway sends (docs/api/gateway.md "Errors"). */
export function errorKey(code: string): string {
  switch (code) {
    case 'MESSAGE_TOO_LONG':
      return 'error.tooLong';
    case 'INVALID_MESSAGE':
      return 'error.invalidMessage';
    case 'ILLEGAL_STATE':
      return 'error.chatOver';
    case 'RATE_LIMITED':
      return 'error.rateLimited';
    default:
      return 'error.generic';
  }
}

function onFrame(state: ChatState, frame: ServerFrame): ChatState {
  switch (frame.type) {
    case 'hello':
      return onHello(state, frame);
    case 'queue-position':
      return state.phase === 'waiting'
        ? { ...state, queuePosition: frame.position, estimatedWaitSeconds: frame.estimatedWaitSeconds ?? null }
        : state;
    case 'waiting-notice':
      // Late (an agent joined meanwhile, or the chat ended): not shown.
      return state.phase === 'waiting' ? { ...state, noAgentNotice: { text: frame.text ?? null } } : state;
    case 'inactivity-warning':
      // Not a line of the thread; an older warning (a replay) never comes back once something newer was seen.
      return frame.seq > state.lastSeq && state.phase !== 'ended'
        ? { ...state, lastSeq: frame.seq, inactivityEndsAt: frame.endsAt }
        : state;
    case 'message':
    case 'agent-joined':
    case 'agent-left':
    case 'conversation-ended':
      return applyOnce(state, frame);
    case 'error':
      return frame.correlationId
        ? reduce(state, { type: 'send-failed', clientMessageId: frame.correlationId, code: frame.code })
        : { ...state, error: { key: errorKey(frame.code) } };
    default:
      return state; // ack, resumed, pong: the echo of the message is what confirms it
  }
}

function onHello(state: ChatState, hello: HelloFrame): ChatState {
  const queuePosition = hello.queuePosition ?? state.queuePosition;
  switch (hello.state) {
    case 'CONNECTED':
      return {
        ...state,
        phase: state.phase === 'ended' ? 'ended' : 'connected',
        queuePosition: null,
        estimatedWaitSeconds: null,
        noAgentNotice: null,
      };
    case 'CUSTOMER_ENDED':
    case 'INACTIVE':
    case 'ENDED':
    case 'INTERRUPTED':
    case 'ABANDONED':
    case 'CLOSED':
      return { ...state, phase: 'ended', queuePosition: null, estimatedWaitSeconds: null, noAgentNotice: null };
    default: {
      // Still waiting: the gateway repeats the notice of this wait; a known state without one means none (yet).
      const noAgentNotice = hello.waitingNotice
        ? { text: hello.waitingNotice.text ?? null }
        : hello.state
          ? null
          : state.noAgentNotice;
      return { ...state, queuePosition, noAgentNotice };
    }
  }
}

/**
 * Each seq is applied once: a replay after a reconnect, or a frame that arrives both in the hello's snapshot and
 * live, changes nothing the second time (this is what keeps "… joined the chat" to one line).
 */
function applyOnce(state: ChatState, frame: ConversationFrame): ChatState {
  if (state.entries.some((entry) => entry.seq === frame.seq)) return state;
  const next = { ...state, lastSeq: Math.max(state.lastSeq, frame.seq) };
  switch (frame.type) {
    case 'message':
      return withMessage(frame.senderType === 'CUSTOMER' ? { ...next, inactivityEndsAt: null } : next, frame);
    case 'agent-joined':
      return {
        ...withEntry(next, { kind: 'event', key: `seq-${frame.seq}`, seq: frame.seq, event: 'joined', name: frame.agentName, at: frame.occurredAt }),
        phase: next.phase === 'ended' ? 'ended' : 'connected',
        queuePosition: null,
        estimatedWaitSeconds: null,
        noAgentNotice: null,
        agents: [...next.agents, frame.agentName],
      };
    case 'agent-left': {
      const agents = withoutOne(next.agents, frame.agentName);
      return {
        ...withEntry(next, { kind: 'event', key: `seq-${frame.seq}`, seq: frame.seq, event: 'left', name: frame.agentName, at: frame.occurredAt }),
        agents,
        // Nobody left but the chat goes on: it is back in a queue (a transfer) until someone joins.
        phase: next.phase === 'ended' ? 'ended' : agents.length === 0 ? 'waiting' : 'connected',
      };
    }
    case 'conversation-ended':
      return {
        ...withEntry(next, { kind: 'event', key: `seq-${frame.seq}`, seq: frame.seq, event: 'ended', reason: endReason(next, frame.state, frame.reason), at: frame.occurredAt }),
        phase: 'ended',
        queuePosition: null,
        estimatedWaitSeconds: null,
        noAgentNotice: null,
        inactivityEndsAt: null,
        error: null,
      };
  }
}

function endReason(state: ChatState, ended: ConversationEndedFrame['state'], reason: string | null): EndReason {
  if (ended === 'INACTIVE') return 'inactive';
  if (ended === 'CUSTOMER_ENDED' || (ended === 'ABANDONED' && state.endRequested)) return 'customer';
  if (ended === 'ABANDONED') return reason === QUEUE_TIMEOUT_REASON ? 'queue-timeout' : 'no-agent';
  return ended === 'INTERRUPTED' ? 'interrupted' : 'agent';
}

/** The customer's own message comes back with messageId = its clientMessageId: it replaces the bubble being sent. */
function withMessage(state: ChatState, frame: MessageFrame): ChatState {
  const author: Author = frame.senderType === 'CUSTOMER' ? 'customer' : frame.senderType === 'AGENT' ? 'agent' : 'system';
  const sent = state.entries.find((entry) => entry.kind === 'message' && entry.seq === null && entry.key === frame.messageId);
  const typed = sent && sent.kind === 'message' ? sent.text : null;
  const entry: Entry = {
    kind: 'message',
    key: frame.messageId,
    seq: frame.seq,
    author,
    name: frame.senderName,
    text: frame.text,
    at: frame.occurredAt,
    delivery: null,
    masked: typed !== null && typed !== frame.text,
  };
  const others = sent ? state.entries.filter((candidate) => candidate !== sent) : state.entries;
  const stillPending = others.some((candidate) => candidate.kind === 'message' && candidate.delivery === 'sending');
  const error = sent && state.error?.key === UNAVAILABLE_KEY && !stillPending ? null : state.error;
  return withEntry({ ...state, error, entries: others }, entry);
}

/** Entries with a seq stay in seq order; messages still being sent stay last. */
function withEntry(state: ChatState, entry: Entry): ChatState {
  const stored = state.entries.filter((candidate) => candidate.seq !== null);
  const pending = state.entries.filter((candidate) => candidate.seq === null);
  const ordered = [...stored, entry].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  return { ...state, entries: [...ordered, ...pending] };
}

function withoutOne(names: string[], name: string): string[] {
  const index = names.indexOf(name);
  return index < 0 ? names : [...names.slice(0, index), ...names.slice(index + 1)];
}
