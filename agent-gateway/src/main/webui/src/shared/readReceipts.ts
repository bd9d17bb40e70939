// Read receipts, both sides (docs/api/gateway.md "Read receipts"): when to send a `read` frame, and which of the
// user's own messages gets the "Read" / "Seen" mark.
import type { Timers } from './typing';

/** At most one `read` frame this often per conversation; the highest seq seen meanwhile goes out at the end. */
export const READ_THROTTLE_MS = 1000;

const browserTimers: Timers = {
  now: () => Date.now(),
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The reader's side: `seen(seq)` when the messages up to `seq` (a message's seq, never another frame's) are visible
 * and the page has the focus. Sends only forward (the server ignores anything at or below the stored position
 * anyway) and at most once every {@link READ_THROTTLE_MS}, the last one trailing.
 */
export class ReadNotifier {
  private sent = 0;
  private pending = 0;
  private lastSentAt = -Infinity;
  private timer: unknown = null;

  /** `send` returns false when the frame could not go out (socket down): it is tried again at the next `seen`. */
  constructor(
    private readonly send: (seq: number) => boolean | void,
    private readonly timers: Timers = browserTimers,
  ) {}

  /** Starts from a known position (the hello's or view's), so nothing below it is sent again. */
  startAt(seq: number): void {
    this.sent = Math.max(this.sent, seq);
  }

  seen(seq: number): void {
    if (seq <= this.sent || seq <= this.pending) return;
    this.pending = seq;
    const wait = this.lastSentAt + READ_THROTTLE_MS - this.timers.now();
    if (wait <= 0) {
      this.flush();
    } else if (this.timer === null) {
      this.timer = this.timers.set(() => {
        this.timer = null;
        this.flush();
      }, wait);
    }
  }

  dispose(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private flush(): void {
    if (this.pending <= this.sent) return;
    this.lastSentAt = this.timers.now();
    if (this.send(this.pending) === false) {
      this.pending = this.sent;
      return;
    }
    this.sent = this.pending;
  }
}

/** Whether the page is shown and has the focus: only then does what it shows count as read. */
export function pageIsRead(doc: Document = document): boolean {
  return doc.visibilityState === 'visible' && doc.hasFocus();
}

/**
 * The seq of the user's own message that gets the read mark: the last of `mine` at or below `readUpTo` (0: none).
 */
export function readMarkSeq(mine: readonly number[], readUpTo: number): number {
  let mark = 0;
  for (const seq of mine) if (seq <= readUpTo && seq > mark) mark = seq;
  return mark;
}
