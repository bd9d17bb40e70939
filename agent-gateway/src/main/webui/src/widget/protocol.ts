// The customer socket's frames (docs/api/gateway.md "Customer frames" and "Frames of both sockets"), as the widget
// reads them. Conversation frames carry the conversation's `seq`; queue-position has none.
import type { AckFrame, ConversationState, ErrorFrame, PingFrame, PongFrame, ResumeFrame, ResumedFrame, SenderType } from '../shared/frames';
export type { AckFrame, ConversationState, ErrorFrame, PongFrame, ResumedFrame, SenderType } from '../shared/frames';



export interface HelloFrame {
  type: 'hello';
  conversationId: string;
  lastSeq: number;
  state?: ConversationState | null;
  queuePosition?: number;
  /** How far an agent has read the chat (read receipts; 0 before the first). */
  agentReadSeq?: number;
  /** The waiting notice already given, repeated while the chat still waits for an agent. */
  waitingNotice?: { waitedSeconds: number; text: string | null };
}
export interface MessageFrame {
  type: 'message';
  conversationId: string;
  seq: number;
  occurredAt: string;
  messageId: string;
  senderType: SenderType;
  senderName: string | null;
  text: string;
}
export interface AgentJoinedFrame {
  type: 'agent-joined';
  conversationId: string;
  seq: number;
  occurredAt: string;
  agentName: string;
}
export interface AgentLeftFrame {
  type: 'agent-left';
  conversationId: string;
  seq: number;
  occurredAt: string;
  agentName: string;
}
export interface ConversationEndedFrame {
  type: 'conversation-ended';
  conversationId: string;
  seq: number;
  occurredAt: string;
  state: 'CUSTOMER_ENDED' | 'INACTIVE' | 'INTERRUPTED' | 'ABANDONED' | 'ENDED';
  reason: string | null;
}
/** The customer has been silent too long: "are you still there?"; the chat ends at `endsAt` unless they write. */
export interface InactivityWarningFrame {
  type: 'inactivity-warning';
  conversationId: string;
  seq: number;
  occurredAt: string;
  endsAt: string;
}
export interface QueuePositionFrame {
  type: 'queue-position';
  conversationId: string;
  queueId: string;
  position: number;
  /** Routing's estimated wait at this position; absent when the queue has too little history. */
  estimatedWaitSeconds?: number;
}

/**
 * No agent has joined after the queue's waiting-notice time (routing's WaitingNoticeIssued; docs/events.md "Waiting
 * notice"). `text` is the queue's own wording; null: the widget's own. No seq: the hello repeats it while waiting.
 */
export interface WaitingNoticeFrame {
  type: 'waiting-notice';
  conversationId: string;
  queueId: string | null;
  waitedSeconds: number;
  text: string | null;
}

/** An agent started or stopped typing: ephemeral, no seq, never replayed (shared/typing.ts). */
export interface TypingFrame {
  type: 'typing';
  conversationId: string;
  typing: boolean;
  agentName: string | null;
}

/** An agent has read the customer's messages up to `upToSeq` (docs/api/gateway.md "Read receipts"). */
export interface MessagesReadFrame {
  type: 'messages-read';
  conversationId: string;
  seq: number;
  occurredAt: string;
  upToSeq: number;
}

/** A frame that is part of the conversation's history (has a seq): replayed on resume, deduplicated by seq. */
export type ConversationFrame = MessageFrame | AgentJoinedFrame | AgentLeftFrame | ConversationEndedFrame;

export type ServerFrame =
  | HelloFrame
  | ConversationFrame
  | QueuePositionFrame
  | WaitingNoticeFrame
  | InactivityWarningFrame
  | TypingFrame
  | MessagesReadFrame
  | AckFrame
  | ErrorFrame
  | ResumedFrame
  | PongFrame;

export type ClientFrame =
  | ResumeFrame
  | { type: 'send'; correlationId?: string; conversationId?: string; clientMessageId: string; text: string }
  | { type: 'typing'; typing: boolean }
  | { type: 'read'; seq: number }
  | PingFrame;
