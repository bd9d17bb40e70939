/**
 * Frames of both sockets (agent and customer), as livechat-contracts' schemas/socket/shared/*.json describe
 * them; each app's own frames are in desktop/frames.ts and widget/protocol.ts.
 */

/** A conversation's state (both sockets show it). */
export type ConversationState =
  | 'QUEUED'
  | 'OFFERED'
  | 'CONNECTED'
  | 'CUSTOMER_ENDED'
  | 'INACTIVE'
  | 'ENDED'
  | 'INTERRUPTED'
  | 'ABANDONED'
  | 'CLOSED';

export type SenderType = 'CUSTOMER' | 'AGENT' | 'SYSTEM';

export interface AckFrame {
  type: 'ack';
  commandId: string;
  conversationId: string;
  clientMessageId: string;
  correlationId?: string;
}

export interface ErrorFrame {
  type: 'error';
  correlationId?: string;
  conversationId?: string;
  code: string;
  message: string | null;
  status?: number;
}

export interface ResumedFrame {
  type: 'resumed';
  correlationId?: string;
  lastSeq: Record<string, number>;
}

export interface PongFrame {
  type: 'pong';
  correlationId?: string;
}

export type PingFrame = { type: 'ping'; correlationId?: string };
export type ResumeFrame = { type: 'resume'; correlationId?: string; lastSeq: Record<string, number> };
