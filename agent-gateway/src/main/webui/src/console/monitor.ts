import type { ThreadFrame } from '../desktop/conversation';
import type { LiveChat } from './overview';

/** A conversation frame as the agent socket sends it (the fields the read-only transcript needs). */
export type MonitoredFrame = ThreadFrame & { conversationId: string };

/**
 * Adds a frame of the agent socket to the monitored conversation's transcript: only that conversation's frames,
 * each `seq` once (a reconnect's replay may repeat some), in `seq` order. Returns the same array when nothing
 * was added.
 */
export function addMonitoredFrame(frames: readonly MonitoredFrame[], conversationId: string, frame: unknown): readonly MonitoredFrame[] {
  const candidate = frame as Partial<MonitoredFrame> | null;
  if (!candidate || candidate.conversationId !== conversationId || typeof candidate.seq !== 'number') return frames;
  if (frames.some((known) => known.seq === candidate.seq)) return frames;
  return [...frames, candidate as MonitoredFrame].sort((a, b) => a.seq - b.seq);
}

/** The seq the transcript is at, for `resume` after a reconnect (0: replay all of it). */
export function lastSeq(frames: readonly MonitoredFrame[]): number {
  return frames.length === 0 ? 0 : frames[frames.length - 1].seq;
}

/** The states the live-chat list shows (the gateway's `GET /api/supervisor/conversations`); others leave it. */
const LIVE_STATES: ReadonlySet<string> = new Set(['QUEUED', 'OFFERED', 'CONNECTED', 'CUSTOMER_ENDED', 'INTERRUPTED']);
/** Participations that count as being in the chat (the list's agents column, as the gateway lists them). */
const IN_CHAT: ReadonlySet<string> = new Set(['ACTIVE', 'CONFERENCE_REQUESTED', 'CONFERENCE']);

export function isLive(chat: LiveChat): boolean {
  return LIVE_STATES.has(chat.state);
}

/**
 * The monitored chat's row brought up to date by its own frames, which arrive live while the list is read again
 * only every few seconds: its state (`conversation-state`, `customer-ended`, `interrupted`) and who is in it
 * (`participant`: a take-over moves the agent out and the supervisor in). Frames at or below the row's `lastSeq`
 * are already in the row. Without this the row said "In progress" with the agent who had left while the transcript
 * under it already said the customer had ended the chat.
 */
export function liveChatAfter(chat: LiveChat, frames: readonly MonitoredFrame[]): LiveChat {
  let next = chat;
  for (const frame of frames) {
    if (frame.conversationId !== chat.conversationId || frame.seq <= chat.lastSeq) continue;
    if ((frame.type === 'conversation-state' || frame.type === 'customer-ended' || frame.type === 'interrupted') && frame.to) {
      next = { ...next, state: frame.to };
    } else if (frame.type === 'participant' && frame.to && frame.agentId) {
      const name = frame.agentName ?? frame.agentId;
      const others = next.agents.filter((agent) => agent !== name);
      next = { ...next, agents: IN_CHAT.has(frame.to) ? [...others, name].sort() : others };
    }
    next = { ...next, lastSeq: Math.max(next.lastSeq, frame.seq) };
  }
  return next;
}
