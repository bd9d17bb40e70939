import type { PendingMessage } from '../../shared/pendingMessages';

/**
 * The view types of the conversation pane. The shell maps the gateway's frames and REST answers to these
 * (see docs/api/gateway.md); the components never talk to the gateway themselves.
 */

/** Who wrote an entry of the thread. */
export type Author = 'customer' | 'agent' | 'system';

/**
 * A system event the pane shows as a compact line (never as a bubble). The text comes from the translation
 * files (`conversation:event.<kind>`), with the names below as parameters.
 */
export type SystemEventKind =
  | 'agent-joined'
  | 'agent-left'
  | 'transfer-to-agent'
  | 'transfer-to-queue'
  | 'conference-requested'
  | 'conference-accepted'
  | 'conference-declined'
  | 'conference-ended'
  | 'queued'
  | 'customer-ended'
  | 'customer-inactive'
  | 'interrupted'
  | 'ended'
  | 'wrap-up-recorded'
  | 'survey-submitted';

export interface SystemEventView {
  kind: SystemEventKind;
  agentName?: string;
  queueName?: string;
  reasonLabel?: string;
  /** survey-submitted: the customer's rating (1 to 5) and comment (masked), if any. */
  rating?: number;
  comment?: string;
}

/** One entry of the thread: a message (`message` frame) or a system event (other conversation frames). */
export interface MessageView {
  /** Stable and unique in the thread (messageId, or `seq` for events): the list's key. */
  id: string;
  author: Author;
  /** The customer's name for customer messages, the agent's display name for agent messages. */
  authorName?: string;
  /** For agent messages: who wrote it (own messages are told apart from colleagues' by it). */
  agentId?: string;
  /** The text as received (masked by the platform where needed); line breaks are kept. */
  text?: string;
  /** For system entries built from an event rather than a SYSTEM message: what happened. */
  event?: SystemEventView;
  /** When it happened (ISO 8601, the frame's occurredAt). */
  at: string;
  /** True for an AGENTS-only message (not shown to the customer). */
  internal?: boolean;
  /** The message's seq in the conversation (messages only). */
  seq?: number;
  /** The last agent message the customer has read: marked "Seen" (read receipts). */
  seen?: boolean;
  /**
   * This agent's message not acknowledged yet (shared/pendingMessages.ts): drawn with "Sending…" or "Not sent yet,
   * retrying in N s" and Cancel; `id` is its clientMessageId, the real message's id once it comes back.
   */
  pending?: PendingMessage;
}

/** A customer / CAD attribute, value exactly as received (masked values stay masked). */
export interface CadAttribute {
  name: string;
  value: string;
}

/** An agent taking part in the conversation. */
export interface ParticipantView {
  agentId: string;
  agentName: string;
  /** Participation state as the gateway says it: ACTIVE, CONFERENCE_REQUESTED, CONFERENCE, WRAP_UP, ... */
  state: string;
}

/** The conversation the pane shows. */
export interface ConversationView {
  id: string;
  customerName: string;
  queueName?: string;
  /** The conversation's state (CONNECTED, CUSTOMER_ENDED, INTERRUPTED, ENDED, ...). */
  state?: string;
  /** This agent's participation (ACTIVE, CONFERENCE_REQUESTED, CONFERENCE, WRAP_UP, ...). */
  participantState?: string;
  proactive?: boolean;
  startedAt?: string;
  cad: CadAttribute[];
  participants?: ParticipantView[];
}

/**
 * A message template as `GET /api/templates` returns it: `body` holds parameters written `<name>` (customerName,
 * queueName, agentName or any CAD variable), the only place where `<` and `>` may appear.
 */
export interface TemplateView {
  id: string;
  name: string;
  body: string;
}

/** The template picker's state, which the shell may keep per conversation. */
export interface TemplateSelection {
  templateId: string | null;
  /** Values the agent typed, by parameter name (others come from `TemplatePicker`'s `knownValues`). */
  params: Record<string, string>;
}

/** A wrap-up reason as `GET /api/wrap-up-reasons` returns it. */
export interface WrapUpReasonView {
  code: string;
  label: string;
}

/** What the wrap-up dialog submits: always the reason shown as selected. */
export interface WrapUpSubmission {
  reasonCode: string;
  reasonLabel: string;
  note: string;
}

/** A transfer or conference target, from `GET /api/transfer-targets` (queues and agents). */
export interface TransferTargetView {
  type: 'queue' | 'agent';
  /** Queue id or agent id: what `POST .../transfer` and `.../conference` take. */
  id: string;
  name: string;
  /** Agents only. */
  activeChats?: number;
  capacity?: number;
  /** False greys the target out (the gateway lists available agents only, but a list can be stale). */
  available?: boolean;
}

/** Why nothing can be sent now (the compose box says it and refuses to send). */
export type ComposeDisabledReason = 'customer-ended' | 'interrupted' | 'reconnecting' | 'wrap-up' | 'ended';
