import { notYetShown, type PendingMessage } from '../../shared/pendingMessages';
/**
 * Pure adapters from what the gateway sends (docs/api/gateway.md, "Agent frames") to the pane's view types, so
 * the shell does not have to decide which frames are system events or what the buttons allow. The frame type
 * below is structural: the shell's typed frames fit it as they are.
 */
import type { ConversationActions } from './ActionsBar';
import type { CadAttribute, ComposeDisabledReason, MessageView, SystemEventView } from './types';
import { readMarkSeq } from '../../shared/readReceipts';

/** The fields of the agent socket's conversation frames that the thread uses. */
export interface ThreadFrame {
  type: string;
  seq: number;
  occurredAt: string;
  messageId?: string;
  senderType?: 'CUSTOMER' | 'AGENT' | 'SYSTEM';
  senderId?: string | null;
  senderName?: string | null;
  audience?: string;
  text?: string;
  change?: string;
  status?: string;
  agentId?: string | null;
  agentName?: string | null;
  requestedBy?: string | null;
  queueName?: string | null;
  from?: string | null;
  to?: string;
  reason?: string | null;
  reasonCode?: string;
  reasonLabel?: string | null;
  rating?: number;
  comment?: string | null;
}

/**
 * The thread of a conversation: messages as bubbles, the steps agents care about as events, the rest (offers,
 * the start, the other half of two-sided steps) left out so each step shows once.
 *
 * The conversation service also posts each of these steps as an English SYSTEM message ("Alice joined the
 * chat", "The customer has ended the conversation"...); every one an agent receives has its own frame, shown
 * here in the page's language, so SYSTEM messages are left out unless `keepSystemMessages` (a transcript
 * that should read as stored).
 */
export function threadEntries(
  frames: readonly ThreadFrame[],
  agentNames: Record<string, string> = {},
  keepSystemMessages = false,
): MessageView[] {
  const entries: MessageView[] = [];
  for (const frame of frames) {
    if (frame.type === 'message') {
      if (frame.senderType !== 'SYSTEM' || keepSystemMessages) entries.push(messageEntry(frame));
      continue;
    }
    const event = systemEvent(frame, agentNames);
    if (event) entries.push({ id: `seq-${frame.seq}`, author: 'system', event, at: frame.occurredAt });
  }
  return entries;
}

/**
 * This agent's messages not acknowledged yet, drawn after the thread as own bubbles; one whose real message is in
 * the thread already (the echo raced the clean-up, or came in a replay after a reload) is not drawn twice.
 */
export function withPending(
  messages: MessageView[],
  pending: readonly PendingMessage[],
  self: { agentId: string; agentName: string },
): MessageView[] {
  const waiting = notYetShown(pending, new Set(messages.map((m) => m.id)));
  return [
    ...messages,
    ...waiting.map((message): MessageView => ({
      id: message.clientMessageId,
      author: 'agent',
      agentId: self.agentId,
      authorName: self.agentName,
      text: message.text,
      at: message.at,
      pending: message,
    })),
  ];
}

/** Marks the agents' last message the customer has read (seq at or below `customerReadSeq`) as seen. */
export function withSeenMark(messages: MessageView[], customerReadSeq: number): MessageView[] {
  const mark = readMarkSeq(
    messages.flatMap((m) => (m.author === 'agent' && m.seq !== undefined && !m.internal ? [m.seq] : [])),
    customerReadSeq,
  );
  return mark === 0 ? messages : messages.map((m) => (m.author === 'agent' && m.seq === mark ? { ...m, seen: true } : m));
}

function messageEntry(frame: ThreadFrame): MessageView {
  const author = frame.senderType === 'CUSTOMER' ? 'customer' : frame.senderType === 'AGENT' ? 'agent' : 'system';
  return {
    id: frame.messageId ?? `seq-${frame.seq}`,
    author,
    authorName: frame.senderName ?? undefined,
    agentId: author === 'agent' ? frame.senderId ?? undefined : undefined,
    text: frame.text ?? '',
    at: frame.occurredAt,
    internal: frame.audience === 'AGENTS' || undefined,
    seq: frame.seq,
  };
}

function systemEvent(frame: ThreadFrame, agentNames: Record<string, string>): SystemEventView | null {
  const agentName = frame.agentName ?? (frame.agentId ? agentNames[frame.agentId] ?? frame.agentId : undefined);
  switch (frame.type) {
    case 'participant':
      if (frame.change === 'joined') return { kind: 'agent-joined', agentName };
      if (frame.change === 'left') return { kind: 'agent-left', agentName };
      return null;
    case 'transfer':
      return frame.agentId
        ? { kind: 'transfer-to-agent', agentName }
        : { kind: 'transfer-to-queue', queueName: frame.queueName ?? undefined };
    case 'conference':
      return conferenceEvent(frame, agentName);
    case 'conversation-state':
      if (frame.to === 'QUEUED' && frame.reason !== 'NEW') return { kind: 'queued', queueName: frame.queueName ?? undefined };
      if (frame.to === 'ENDED') return { kind: 'ended' };
      return null;
    case 'customer-ended':
      return { kind: frame.to === 'INACTIVE' ? 'customer-inactive' : 'customer-ended' };
    case 'interrupted':
      return { kind: 'interrupted' };
    case 'wrap-up-recorded':
      return { kind: 'wrap-up-recorded', agentName, reasonLabel: frame.reasonLabel ?? frame.reasonCode };
    case 'survey-submitted':
      return { kind: 'survey-submitted', rating: frame.rating, comment: frame.comment ?? undefined };
    default:
      return null;
  }
}

/** A conference step comes as two frames (one per agent): the one that says it best is kept. */
function conferenceEvent(frame: ThreadFrame, agentName: string | undefined): SystemEventView | null {
  switch (frame.status) {
    case 'requested':
      return 'requestedBy' in frame ? { kind: 'conference-requested', agentName } : null; // the invitation, not the inviter's step
    case 'accepted':
      return frame.from === 'CONFERENCE_REQUESTED' ? null : { kind: 'conference-accepted', agentName }; // the invitee's step
    case 'declined':
      return { kind: 'conference-declined' };
    case 'ended':
      return frame.to === 'WRAP_UP' ? { kind: 'conference-ended', agentName } : null; // the one who leaves
    default:
      return null;
  }
}

/** CAD variables as the panel lists them, masked values untouched. */
export function cadAttributes(cad: Record<string, string> | null | undefined): CadAttribute[] {
  return Object.entries(cad ?? {}).map(([name, value]) => ({ name, value }));
}

/** Why the compose box cannot send now, or null; the most lasting reason wins. */
export function composeDisabledReason(input: {
  connected: boolean;
  conversationState?: string;
  participantState?: string;
}): ComposeDisabledReason | null {
  const { conversationState: state, participantState: mine } = input;
  if (state === 'INTERRUPTED') return 'interrupted';
  if (state === 'CUSTOMER_ENDED' || state === 'INACTIVE') return 'customer-ended';
  if (state === 'ENDED' || state === 'CLOSED' || state === 'ABANDONED') return 'ended';
  if (mine === 'WRAP_UP' || mine === 'DONE') return 'wrap-up';
  if (!input.connected) return 'reconnecting';
  return null;
}

/** What the actions bar allows, by the gateway's rules for each endpoint. */
export function conversationActions(participantState?: string, conversationState?: string): ConversationActions {
  const connected = conversationState === 'CONNECTED';
  const active = participantState === 'ACTIVE';
  return {
    canTransfer: active && connected,
    canConference: active && connected,
    inConference: participantState === 'CONFERENCE',
    canEnd: participantState === 'ACTIVE' || participantState === 'CONFERENCE_REQUESTED' || participantState === 'CONFERENCE',
  };
}
