/**
 * The agent socket's frames, typed after the JSON Schemas in
 * livechat-contracts/src/main/resources/contracts/schemas/socket/ (agent/, shared/, client/, views/).
 * A field the schema marks optional ("left out when there is none") is `?`; a nullable one is `| null`.
 */
import type { AckFrame, ConversationState, ErrorFrame, PingFrame, PongFrame, ResumeFrame, ResumedFrame, SenderType } from '../shared/frames';
export type { AckFrame, ConversationState, ErrorFrame, PongFrame, ResumedFrame, SenderType } from '../shared/frames';

export type AgentState = 'LOGGED_OUT' | 'AVAILABLE' | 'IDLE' | 'RONA';
export type OfferKind = 'QUEUE' | 'TRANSFER' | 'CONFERENCE';
export type ParticipantState =
  | 'OFFERED'
  | 'ACTIVE'
  | 'CONFERENCE_REQUESTED'
  | 'CONFERENCE'
  | 'WRAP_UP'
  | 'DONE'
  | 'WITHDRAWN';
export type Audience = 'EVERYONE' | 'AGENTS' | 'CUSTOMER';

export interface PresenceView {
  state: AgentState;
  idleCode?: string;
  activeChats: number;
  capacity: number;
  queueIds: string[];
  /** When the agent entered this state (a load change does not move it). */
  stateSince?: string;
}

export interface MessageFrame {
  type: 'message';
  conversationId: string;
  seq: number;
  occurredAt: string;
  messageId: string;
  senderType: SenderType;
  senderId: string | null;
  senderName: string | null;
  audience: Audience;
  text: string;
}

export interface OfferView {
  offerId: string;
  conversationId: string;
  kind?: OfferKind;
  customerName?: string;
  queueId?: string;
  queueName?: string;
  agentId?: string;
  agentName?: string;
  receivedAt?: string;
  receivedDate?: string;
  offeredAt?: string;
  expiresAt?: string;
  proactive: boolean;
  requestedBy?: string;
  /** Display name of `requestedBy` (the transferring or inviting agent), when the gateway knows it. */
  requestedByName?: string;
  lastSeq: number;
  thread: MessageFrame[];
}

export interface ConversationView {
  conversationId: string;
  state?: ConversationState;
  participantState: ParticipantState;
  customerName?: string;
  queueId?: string;
  queueName?: string;
  proactive: boolean;
  startedAt?: string;
  lastSeq: number;
  lastActivityAt?: string;
  wrapUpCode?: string;
  wrapUpLabel?: string;
  /** The customer's satisfaction rating (1 to 5), once given. */
  surveyRating?: number;
  /** How far the customer has read the conversation (read receipts; 0 before the first). */
  customerReadSeq?: number;
}

export interface HelloFrame {
  type: 'hello';
  agentId: string;
  displayName: string | null;
  presence: PresenceView;
  offers: OfferView[];
  conversations: ConversationView[];
}

export interface AgentStateFrame {
  type: 'agent-state';
  agentId: string;
  state: AgentState;
  previousState: AgentState | null;
  idleCode: string | null;
  reason: string | null;
  activeChats: number;
  capacity: number;
  occurredAt: string | null;
}

export interface OfferFrame extends OfferView {
  type: 'offer';
}

export interface OfferAcceptedFrame {
  type: 'offer-accepted';
  offerId: string;
  conversationId: string;
  kind: OfferKind | null;
}

export interface OfferWithdrawnFrame {
  type: 'offer-withdrawn';
  offerId: string;
  conversationId: string;
  kind: OfferKind | null;
  reason: 'RONA_TIMEOUT' | 'DECLINED' | 'CANCELLED' | 'UNAVAILABLE' | null;
}

interface ConversationFrameBase {
  conversationId: string;
  seq: number;
  occurredAt: string;
}

export interface ConversationStartedFrame extends ConversationFrameBase {
  type: 'conversation-started';
  queueId: string | null;
  queueName: string | null;
  customerName: string | null;
  proactive: boolean;
  cad: Record<string, string> | null;
}

export type ConversationStateFrame = ConversationFrameBase & {
  type: 'conversation-state';
  to: ConversationState;
  reason: string | null;
  from?: ConversationState | null;
  queueId?: string | null;
  queueName?: string | null;
};

export interface CustomerEndedFrame extends ConversationFrameBase {
  type: 'customer-ended';
  from: ConversationState | null;
  /** INACTIVE: the customer stayed silent past the warning; the agents are already in wrap-up. */
  to: 'CUSTOMER_ENDED' | 'INACTIVE';
  reason: string | null;
  text: string;
}

export interface InterruptedFrame extends ConversationFrameBase {
  type: 'interrupted';
  from: ConversationState | null;
  to: 'INTERRUPTED';
  reason: string | null;
}

export interface ParticipantFrame extends ConversationFrameBase {
  type: 'participant';
  change: 'offered' | 'joined' | 'left' | 'done' | 'withdrawn' | 'conference';
  agentId: string;
  agentName: string | null;
  from: ParticipantState | null;
  to: ParticipantState;
  reason: string | null;
}

/** `conference` has two shapes: the invitation (status requested, with requestedBy) and a participant step. */
export type ConferenceFrame = ConversationFrameBase & {
  type: 'conference';
  status: 'requested' | 'accepted' | 'declined' | 'ended';
  agentId: string | null;
  requestedBy?: string | null;
  queueId?: string | null;
  queueName?: string | null;
  agentName?: string | null;
  from?: ParticipantState | null;
  to?: ParticipantState;
  reason?: string | null;
};

export interface TransferFrame extends ConversationFrameBase {
  type: 'transfer';
  status: 'requested';
  agentId: string | null;
  requestedBy: string | null;
  queueId: string | null;
  queueName: string | null;
}

export interface WrapUpRecordedFrame extends ConversationFrameBase {
  type: 'wrap-up-recorded';
  agentId: string;
  reasonCode: string;
  reasonLabel: string | null;
  note: string | null;
}

/** The customer's satisfaction survey after the end (once per conversation). */
export interface SurveySubmittedFrame extends ConversationFrameBase {
  type: 'survey-submitted';
  rating: number;
  comment: string | null;
}

/** The customer has read the conversation up to `upToSeq` (docs/api/gateway.md "Read receipts"). */
export interface MessagesReadFrame extends ConversationFrameBase {
  type: 'messages-read';
  upToSeq: number;
}

/** The customer started or stopped typing: ephemeral, no seq, never replayed (shared/typing.ts). */
export interface TypingFrame {
  type: 'typing';
  conversationId: string;
  typing: boolean;
}

/** Frames that belong to one conversation and carry its `seq`. */
export type ConversationFrame =
  | MessageFrame
  | ConversationStartedFrame
  | ConversationStateFrame
  | CustomerEndedFrame
  | InterruptedFrame
  | ParticipantFrame
  | ConferenceFrame
  | TransferFrame
  | WrapUpRecordedFrame
  | SurveySubmittedFrame
  | MessagesReadFrame;

export type ServerFrame =
  | HelloFrame
  | AgentStateFrame
  | OfferFrame
  | OfferAcceptedFrame
  | OfferWithdrawnFrame
  | ConversationFrame
  | TypingFrame
  | AckFrame
  | ErrorFrame
  | PongFrame
  | ResumedFrame;

export type ClientFrame =
  | PingFrame
  | ResumeFrame
  | { type: 'send'; correlationId?: string; conversationId: string; clientMessageId: string; text: string }
  | { type: 'typing'; conversationId: string; typing: boolean; correlationId?: string }
  | { type: 'read'; conversationId: string; seq: number; correlationId?: string };

const CONVERSATION_FRAME_TYPES = new Set<string>([
  'message',
  'conversation-started',
  'conversation-state',
  'customer-ended',
  'interrupted',
  'participant',
  'conference',
  'transfer',
  'wrap-up-recorded',
  'survey-submitted',
  'messages-read',
]);

export function isConversationFrame(frame: ServerFrame): frame is ConversationFrame {
  return CONVERSATION_FRAME_TYPES.has(frame.type);
}
