// Typing indicators, both sides (docs/api/gateway.md "Typing indicators"): what a client sends while its user types,
// and how long it shows the other side's. Ephemeral: nothing here is stored or replayed.

/** While the user keeps typing, "typing" is sent again at most this often (the gateway drops anything faster). */
export const TYPING_REFRESH_MS = 2000;
/** No keystroke for this long: "stopped" is sent. */
export const TYPING_IDLE_MS = 3000;
/** The other side's indicator goes away this long after its last "typing", even if its "stopped" never comes. */
export const TYPING_SHOWN_MS = 6000;

export interface Timers {
  now(): number;
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const browserTimers: Timers = {
  now: () => Date.now(),
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The user's side: keystrokes in, throttled "typing" / "stopped" signals out (never any text). */
export class TypingNotifier {
  private typing = false;
  private lastStart = -Infinity;
  private idle: unknown = null;

  constructor(private readonly send: (typing: boolean) => void, private readonly timers: Timers = browserTimers) {}

  /** A keystroke (the draft changed). An emptied draft counts as having stopped. */
  keystroke(draftEmpty = false): void {
    if (draftEmpty) {
      this.stop();
      return;
    }
    const now = this.timers.now();
    if (!this.typing || now - this.lastStart >= TYPING_REFRESH_MS) {
      this.typing = true;
      this.lastStart = now;
      this.send(true);
    }
    if (this.idle !== null) this.timers.clear(this.idle);
    this.idle = this.timers.set(() => this.stop(), TYPING_IDLE_MS);
  }

  /** Sent, left, or idle: "stopped", once. */
  stop(): void {
    if (this.idle !== null) this.timers.clear(this.idle);
    this.idle = null;
    if (!this.typing) return;
    this.typing = false;
    this.send(false);
  }

  dispose(): void {
    if (this.idle !== null) this.timers.clear(this.idle);
    this.idle = null;
  }
}

/** The other side's indicator: on with "typing", off with "stopped", a message, or {@link TYPING_SHOWN_MS} of silence. */
export class RemoteTyping {
  private shown = false;
  private expiry: unknown = null;

  constructor(private readonly onChange: (typing: boolean) => void, private readonly timers: Timers = browserTimers) {}

  signal(typing: boolean): void {
    if (this.expiry !== null) this.timers.clear(this.expiry);
    this.expiry = typing ? this.timers.set(() => this.signal(false), TYPING_SHOWN_MS) : null;
    if (typing !== this.shown) {
      this.shown = typing;
      this.onChange(typing);
    }
  }

  dispose(): void {
    if (this.expiry !== null) this.timers.clear(this.expiry);
    this.expiry = null;
  }
}
