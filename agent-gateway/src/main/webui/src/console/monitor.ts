import type { ThreadFrame } from '../desktop/conversation';

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
