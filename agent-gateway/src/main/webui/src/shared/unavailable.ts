/**
 * What to do when the gateway says a dependency is down (`SERVICE_UNAVAILABLE`: `503` + `Retry-After` on REST, an
 * `error` frame on the sockets; docs/api/gateway.md "Errors"): keep the message, send it again by itself with the
 * same clientMessageId (the gateway may already have it: the id makes the second send a no-op), after Retry-After
 * or else a capped back-off. Shared by the widget and the desktop.
 */

export const UNAVAILABLE_CODE = 'SERVICE_UNAVAILABLE';
/** The gateway's Retry-After while the broker is down (5 s) is the usual answer; no wait is ever longer than this. */
export const MAX_RETRY_DELAY_MS = 30_000;

export function isUnavailable(code: string | null | undefined, status?: number): boolean {
  return code === UNAVAILABLE_CODE || status === 503;
}

/**
 * Delay before retry n (0-based): the server's Retry-After (seconds) when given, else 1 s, 2 s, 4 s... Both capped at
 * {@link MAX_RETRY_DELAY_MS}.
 */
export function unavailableRetryDelay(attempt: number, retryAfterSeconds?: number | null): number {
  if (retryAfterSeconds != null && Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0) {
    return Math.min(MAX_RETRY_DELAY_MS, Math.round(retryAfterSeconds * 1000));
  }
  return Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** Math.max(0, attempt));
}

/** Per clientMessageId, one pending retry at a time; `succeeded` (the echo came back) stops it. */
export class UnavailableRetries {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly attempts = new Map<string, number>();

  constructor(private readonly resend: (clientMessageId: string) => void) {}

  /** Schedules the next attempt; answers its delay (ms), or null when one is already scheduled. */
  failed(clientMessageId: string, retryAfterSeconds?: number | null): number | null {
    if (this.timers.has(clientMessageId)) return null;
    const attempt = this.attempts.get(clientMessageId) ?? 0;
    this.attempts.set(clientMessageId, attempt + 1);
    const delay = unavailableRetryDelay(attempt, retryAfterSeconds);
    const timer = setTimeout(() => {
      this.timers.delete(clientMessageId);
      this.resend(clientMessageId);
    }, delay);
    this.timers.set(clientMessageId, timer);
    return delay;
  }

  succeeded(clientMessageId: string): void {
    const timer = this.timers.get(clientMessageId);
    if (timer) clearTimeout(timer);
    this.timers.delete(clientMessageId);
    this.attempts.delete(clientMessageId);
  }

  stop(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
  }
}
