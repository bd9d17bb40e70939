import type { PendingMessage } from '../shared/pendingMessages';
import {
  isConversationFrame,
  type AgentState,
  type ConversationFrame,
  type ConversationState,
  type ConversationView,
  type ErrorFrame,
  type HelloFrame,
  type MessageFrame,
  type OfferView,
  type ParticipantState,
  type PresenceView,
  type ServerFrame,
} from './frames';

export type ConnectionStatus = 'connected' | 'reconnecting' | 'offline';

/** One conversation as the desktop knows it: every frame it received (by seq), and what they add up to. */
export interface Conversation {
  id: string;
  customerName?: string;
  queueId?: string;
  queueName?: string;
  proactive: boolean;
  /** CAD variables from conversation-started, masked values exactly as received. */
  cad: Record<string, string> | null;
  state?: ConversationState;
  /** This agent's participation. */
  myState?: ParticipantState;
  /** Every agent seen in the conversation with their last participation. */
  participants: Record<string, { name: string | null; state: ParticipantState }>;
  /** The frames in seq order, each seq once. */
  entries: ConversationFrame[];
  /** Highest seq received over the socket: what a reconnect resumes from. */
  lastSeq: number;
  /** Frames up to this seq were already there when the desktop opened it: they never count as unread. */
  seenSeq: number;
  unread: number;
  startedAt?: string;
  /** When this agent joined (its tab timer counts from it). */
  joinedAt?: string;
  /** The last refusal about this conversation (error frame or REST problem), shown in its pane. */
  error?: { code: string; message: string | null };
  /** Whether the earlier frames were fetched over REST after an accept (so it is done once). */
  backfilled: boolean;
  /** The customer is typing (the controller times it out: shared/typing.ts). */
  customerTyping?: boolean;
  /** How far the customer has read the conversation (read receipts): "Seen" on the agents' messages up to it. */
  customerReadSeq?: number;
}

export interface PendingOffer extends OfferView {
  /** Local time (ms) the offer reached this page: the RONA countdown runs from it when the gateway gives the limit. */
  arrivedAt: number;
  /** Whether it came live (alert the agent) rather than in a hello (already alerted before a reload). */
  live: boolean;
}

export interface DesktopState {
  agentId: string | null;
  displayName: string | null;
  presence: PresenceView | null;
  /** When the agent entered the current state (ms, local clock). */
  stateSince: number | null;
  offers: PendingOffer[];
  conversations: Record<string, Conversation>;
  /** Conversations with a tab, in the order they opened. */
  tabs: string[];
  selectedId: string | null;
  connection: ConnectionStatus;
  /** Refusals that belong to no conversation (state change refused, rate limit...). */
  error: { code: string; message: string | null } | null;
  /**
   * Per conversation, the agent's messages sent and not acknowledged yet (desktop/pendingSends.ts), outside
   * `conversations`: restored after a reload before the hello has brought the conversation.
   */
  pending: Record<string, PendingMessage[]>;
}

export type Action =
  | { type: 'frame'; frame: ServerFrame; now: number; restoredStateSince?: { key: string; since: number } | null }
  | { type: 'backfill'; conversationId: string; frames: ConversationFrame[] }
  | { type: 'select'; conversationId: string | null }
  | { type: 'connection'; status: ConnectionStatus }
  | { type: 'conversation-error'; conversationId: string; code: string; message: string | null }
  | { type: 'error'; code: string; message: string | null }
  | { type: 'dismiss-error'; conversationId?: string }
  | { type: 'typing'; conversationId: string; typing: boolean }
  | { type: 'pending'; conversationId: string; messages: PendingMessage[] };

export const initialState: DesktopState = {
  agentId: null,
  displayName: null,
  presence: null,
  stateSince: null,
  offers: [],
  conversations: {},
  tabs: [],
  selectedId: null,
  connection: 'reconnecting',
  error: null,
  pending: {},
};

/** Participations that keep a tab open: in the chat, or wrapping it up. */
const TAB_STATES: ReadonlySet<ParticipantState> = new Set(['ACTIVE', 'CONFERENCE_REQUESTED', 'CONFERENCE', 'WRAP_UP']);

/** The value the state selector shows: `AVAILABLE`, `IDLE:<code>`, `RONA`, `LOGGED_OUT`. */
export function stateKey(state: AgentState, idleCode?: string | null): string {
  return state === 'IDLE' && idleCode ? `IDLE:${idleCode}` : state;
}

export function reduce(state: DesktopState, action: Action): DesktopState {
  switch (action.type) {
    case 'frame':
      return onFrame(state, action.frame, action.now, action.restoredStateSince ?? null);
    case 'backfill':
      return updateConversation(state, action.conversationId, (c) => ({
        ...addFrames(c, action.frames, state.agentId, false),
        backfilled: true,
      }));
    case 'select':
      return select(state, action.conversationId);
    case 'connection':
      return state.connection === action.status ? state : { ...state, connection: action.status };
    case 'conversation-error':
      return updateConversation(state, action.conversationId, (c) => ({
        ...c,
        error: { code: action.code, message: action.message },
      }));
    case 'error':
      return { ...state, error: { code: action.code, message: action.message } };
    case 'dismiss-error':
      return action.conversationId
        ? updateConversation(state, action.conversationId, (c) => ({ ...c, error: undefined }))
        : { ...state, error: null };
    case 'typing':
      return state.conversations[action.conversationId]?.customerTyping === action.typing
        ? state
        : updateConversation(state, action.conversationId, (c) => ({ ...c, customerTyping: action.typing }));
    case 'pending': {
      const { [action.conversationId]: _previous, ...others } = state.pending;
      return { ...state, pending: action.messages.length > 0 ? { ...others, [action.conversationId]: action.messages } : others };
    }
  }
}

function onFrame(
  state: DesktopState,
  frame: ServerFrame,
  now: number,
  restored: { key: string; since: number } | null,
): DesktopState {
  if (isConversationFrame(frame)) return onConversationFrame(state, frame);
  switch (frame.type) {
    case 'hello':
      return onHello(state, frame, now, restored);
    case 'agent-state': {
      const presence: PresenceView = {
        state: frame.state,
        idleCode: frame.idleCode ?? undefined,
        activeChats: frame.activeChats,
        capacity: frame.capacity,
        queueIds: state.presence?.queueIds ?? [],
      };
      const changed =
        !state.presence || stateKey(state.presence.state, state.presence.idleCode) !== stateKey(frame.state, frame.idleCode);
      // A load change is announced with the same state: the time in state keeps running.
      return { ...state, presence, stateSince: changed || state.stateSince === null ? now : state.stateSince };
    }
    case 'offer':
      if (state.offers.some((o) => o.offerId === frame.offerId)) return state;
      return withOfferConversation(
        { ...state, offers: [...state.offers, { ...stripType(frame), arrivedAt: now, live: true }] },
        frame,
      );
    case 'offer-accepted':
      return openTab({ ...state, offers: state.offers.filter((o) => o.offerId !== frame.offerId) }, frame.conversationId, true);
    case 'offer-withdrawn':
      return dropUntabbed({ ...state, offers: state.offers.filter((o) => o.offerId !== frame.offerId) }, frame.conversationId);
    case 'error':
      return onError(state, frame);
    default:
      return state; // ack, pong, resumed: nothing to show
  }
}

function onHello(
  state: DesktopState,
  hello: HelloFrame,
  now: number,
  restored: { key: string; since: number } | null,
): DesktopState {
  const key = stateKey(hello.presence.state, hello.presence.idleCode);
  const sameState = state.presence && stateKey(state.presence.state, state.presence.idleCode) === key;
  // What this page saw itself first (its clock), then the gateway's record (a fresh login, another device).
  const fromGateway = hello.presence.stateSince ? Date.parse(hello.presence.stateSince) : null;
  const stateSince = sameState
    ? state.stateSince
    : restored && restored.key === key
      ? restored.since
      : fromGateway ?? now;
  let next: DesktopState = {
    ...state,
    agentId: hello.agentId,
    displayName: hello.displayName,
    presence: hello.presence,
    stateSince,
    // The hello lists every pending offer: one withdrawn while the socket was down is gone from it.
    offers: hello.offers.map((offer) => {
      const known = state.offers.find((o) => o.offerId === offer.offerId);
      return known ? { ...known, ...offer } : { ...offer, arrivedAt: now, live: false };
    }),
  };
  for (const view of hello.conversations) next = withView(next, view);
  for (const offer of hello.offers) next = withOfferConversation(next, offer);
  return next;
}

function withView(state: DesktopState, view: ConversationView): DesktopState {
  const existing = state.conversations[view.conversationId];
  const conversation: Conversation = {
    ...(existing ?? emptyConversation(view.conversationId, view.lastSeq)),
    customerName: existing?.customerName ?? view.customerName,
    queueId: existing?.queueId ?? view.queueId,
    queueName: existing?.queueName ?? view.queueName,
    proactive: existing?.proactive ?? view.proactive,
    startedAt: existing?.startedAt ?? view.startedAt,
    state: view.state ?? existing?.state,
    myState: view.participantState,
    customerReadSeq: Math.max(existing?.customerReadSeq ?? 0, view.customerReadSeq ?? 0),
  };
  const next = { ...state, conversations: { ...state.conversations, [view.conversationId]: conversation } };
  return TAB_STATES.has(view.participantState) ? openTab(next, view.conversationId, false) : next;
}

function withOfferConversation(state: DesktopState, offer: OfferView): DesktopState {
  const existing = state.conversations[offer.conversationId];
  const base: Conversation = existing ?? {
    ...emptyConversation(offer.conversationId, offer.lastSeq),
    myState: 'OFFERED',
    lastSeq: offer.lastSeq,
  };
  // The offer's thread is the conversation so far; live frames (possibly already here) continue it.
  const withThread = addFrames(base, offer.thread, state.agentId, false);
  const conversation: Conversation = {
    ...withThread,
    customerName: base.customerName ?? offer.customerName,
    queueId: base.queueId ?? offer.queueId,
    queueName: base.queueName ?? offer.queueName,
    proactive: base.proactive || offer.proactive,
    lastSeq: Math.max(withThread.lastSeq, offer.lastSeq),
    seenSeq: Math.max(withThread.seenSeq, offer.lastSeq),
  };
  return { ...state, conversations: { ...state.conversations, [offer.conversationId]: conversation } };
}

function emptyConversation(id: string, seenSeq: number): Conversation {
  return {
    id,
    proactive: false,
    cad: null,
    participants: {},
    entries: [],
    lastSeq: 0,
    seenSeq,
    unread: 0,
    backfilled: false,
  };
}

function onConversationFrame(state: DesktopState, frame: ConversationFrame): DesktopState {
  const id = frame.conversationId;
  const existing = state.conversations[id] ?? emptyConversation(id, 0);
  let conversation = addFrames(existing, [frame], state.agentId, true);
  const unreadNow =
    id !== state.selectedId && frame.type === 'message' && isNewFromOthers(conversation, frame, state.agentId);
  if (unreadNow && existing.entries.length !== conversation.entries.length) {
    conversation = { ...conversation, unread: conversation.unread + 1 };
  }
  let next: DesktopState = { ...state, conversations: { ...state.conversations, [id]: conversation } };
  if (conversation.myState && TAB_STATES.has(conversation.myState)) next = openTab(next, id, false);
  if (conversation.myState === 'DONE' || conversation.myState === 'WITHDRAWN') next = closeTab(next, id);
  return next;
}

/**
 * Unread counts what a person (the customer, a colleague) wrote after the desktop opened the conversation. System
 * notices ("joined", "left", "transferred") are not unread: they describe what the agent did or sees in the tab's
 * state, and counting the agent's own "joined" would depend on whether it arrived before or after a tab switch.
 */
function isNewFromOthers(conversation: Conversation, message: MessageFrame, agentId: string | null): boolean {
  if (message.seq <= conversation.seenSeq || message.senderType === 'SYSTEM') return false;
  return !(message.senderType === 'AGENT' && message.senderId === agentId);
}

/** Adds frames (any order, duplicates ignored) and folds them into the conversation's facts. */
export function addFrames(
  conversation: Conversation,
  frames: ConversationFrame[],
  agentId: string | null,
  live: boolean,
): Conversation {
  const seqs = new Set(conversation.entries.map((e) => e.seq));
  const fresh = frames.filter((f) => !seqs.has(f.seq));
  if (fresh.length === 0) return conversation;
  const entries = [...conversation.entries, ...fresh].sort((a, b) => a.seq - b.seq);
  let next: Conversation = { ...conversation, entries };
  if (live) next.lastSeq = Math.max(next.lastSeq, ...fresh.map((f) => f.seq));
  // Facts are folded in seq order so that a backfilled old frame never overrides a newer one.
  for (const frame of fresh.sort((a, b) => a.seq - b.seq)) next = fold(next, frame, agentId, isLatest(entries, frame));
  return next;
}

/** Frames that set the same fact: the conversation's state is set by three kinds of frame. */
const STATE_FRAMES = new Set(['conversation-state', 'customer-ended', 'interrupted']);

function sameFact(a: ConversationFrame, b: ConversationFrame): boolean {
  const stepA = participationOf(a);
  const stepB = participationOf(b);
  if (stepA || stepB) return stepA === stepB; // one agent's participation
  return a.type === b.type || (STATE_FRAMES.has(a.type) && STATE_FRAMES.has(b.type));
}

/** The agent whose participation the frame moves, if it moves one. */
function participationOf(frame: ConversationFrame): string | null {
  if (frame.type === 'participant') return frame.agentId;
  if (frame.type === 'conference' && frame.to && frame.agentId) return frame.agentId;
  return null;
}

function isLatest(entries: ConversationFrame[], frame: ConversationFrame): boolean {
  return entries.every((e) => e.seq <= frame.seq || !sameFact(e, frame));
}

function fold(c: Conversation, frame: ConversationFrame, agentId: string | null, latest: boolean): Conversation {
  switch (frame.type) {
    case 'messages-read':
      return { ...c, customerReadSeq: Math.max(c.customerReadSeq ?? 0, frame.upToSeq) };
    case 'conversation-started':
      return {
        ...c,
        customerName: frame.customerName ?? c.customerName,
        queueId: c.queueId ?? frame.queueId ?? undefined,
        queueName: c.queueName ?? frame.queueName ?? undefined,
        proactive: frame.proactive,
        cad: frame.cad,
        startedAt: frame.occurredAt,
      };
    case 'conversation-state':
      return latest
        ? {
            ...c,
            state: frame.to,
            queueId: frame.queueId ?? c.queueId,
            queueName: frame.queueName ?? c.queueName,
          }
        : c;
    case 'customer-ended':
    case 'interrupted':
      return latest ? { ...c, state: frame.to } : c;
    case 'participant':
      if (!latest) return c;
      return participantStep(c, frame.agentId, frame.agentName, frame.to, frame.occurredAt, agentId, frame.change === 'joined');
    case 'conference':
      return frame.to && frame.agentId && latest
        ? participantStep(c, frame.agentId, frame.agentName ?? null, frame.to, frame.occurredAt, agentId, frame.to === 'CONFERENCE')
        : c;
    default:
      return c;
  }
}

function participantStep(
  c: Conversation,
  who: string,
  name: string | null,
  to: ParticipantState,
  at: string,
  agentId: string | null,
  joined: boolean,
): Conversation {
  const participants = { ...c.participants, [who]: { name: name ?? c.participants[who]?.name ?? null, state: to } };
  if (who !== agentId) return { ...c, participants };
  return { ...c, participants, myState: to, joinedAt: joined && !c.joinedAt ? at : c.joinedAt };
}

function onError(state: DesktopState, frame: ErrorFrame): DesktopState {
  if (frame.conversationId && state.conversations[frame.conversationId]) {
    return updateConversation(state, frame.conversationId, (c) => ({
      ...c,
      error: { code: frame.code, message: frame.message },
    }));
  }
  return { ...state, error: { code: frame.code, message: frame.message } };
}

function openTab(state: DesktopState, id: string, select: boolean): DesktopState {
  const known = state.conversations[id] ?? emptyConversation(id, 0);
  const conversations = state.conversations[id] ? state.conversations : { ...state.conversations, [id]: known };
  const tabs = state.tabs.includes(id) ? state.tabs : [...state.tabs, id];
  const next = { ...state, conversations, tabs };
  return select || next.selectedId === null ? selectTab(next, id) : next;
}

function closeTab(state: DesktopState, id: string): DesktopState {
  const index = state.tabs.indexOf(id);
  if (index < 0) return state;
  const tabs = state.tabs.filter((t) => t !== id);
  const selectedId = state.selectedId === id ? tabs[Math.min(index, tabs.length - 1)] ?? null : state.selectedId;
  const { [id]: _closed, ...conversations } = state.conversations;
  return selectTab({ ...state, tabs, conversations, selectedId: null }, selectedId);
}

function dropUntabbed(state: DesktopState, id: string): DesktopState {
  if (state.tabs.includes(id) || state.offers.some((o) => o.conversationId === id)) return state;
  const { [id]: _dropped, ...conversations } = state.conversations;
  return { ...state, conversations };
}

function select(state: DesktopState, id: string | null): DesktopState {
  if (id !== null && !state.tabs.includes(id)) return state;
  return selectTab(state, id);
}

function selectTab(state: DesktopState, id: string | null): DesktopState {
  if (id === null) return { ...state, selectedId: null };
  const conversation = state.conversations[id];
  const conversations =
    conversation && conversation.unread > 0 ? { ...state.conversations, [id]: { ...conversation, unread: 0 } } : state.conversations;
  return { ...state, selectedId: id, conversations };
}

function updateConversation(state: DesktopState, id: string, change: (c: Conversation) => Conversation): DesktopState {
  const conversation = state.conversations[id];
  if (!conversation) return state;
  return { ...state, conversations: { ...state.conversations, [id]: change(conversation) } };
}

function stripType<T extends { type: string }>(frame: T): Omit<T, 'type'> {
  const { type: _type, ...rest } = frame;
  return rest;
}

/** What a (re)connected socket asks to replay: the last seq seen of every conversation it holds. */
export function resumePoints(state: DesktopState): Record<string, number> {
  const points: Record<string, number> = {};
  for (const conversation of Object.values(state.conversations)) points[conversation.id] = conversation.lastSeq;
  return points;
}

/** The messages of a pending offer's pop-up: the offer's thread, continued live while it is pending. */
export function offerThread(state: DesktopState, offer: OfferView): MessageFrame[] {
  const conversation = state.conversations[offer.conversationId];
  const live = conversation?.entries.filter((e): e is MessageFrame => e.type === 'message') ?? [];
  const seqs = new Set(offer.thread.map((m) => m.seq));
  return [...offer.thread, ...live.filter((m) => !seqs.has(m.seq))].sort((a, b) => a.seq - b.seq);
}
