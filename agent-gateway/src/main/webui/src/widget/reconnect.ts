// When to reconnect a dropped customer socket, and what to ask for when it is back.

/** Delay before reconnect attempt n (0-based): 0.5 s, 1 s, 2 s, 4 s... capped at 10 s, with up to 20 % jitter. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(10_000, 500 * 2 ** Math.max(0, attempt));
  return Math.round(base * (1 + 0.2 * random()));
}

/**
 * Close codes after which reconnecting cannot help: the token is refused (4401, or the policy codes). The gateway
 * refuses a bad token at the upgrade, which a browser reports as 1006 like any drop, so those are retried.
 */
export function shouldReconnect(closeCode: number, chatEnded: boolean): boolean {
  if (chatEnded) return false;
  return closeCode !== 4401 && closeCode !== 4403 && closeCode !== 1008;
}

/** The first frame on every (re)connect: replay everything after the last seq applied (0 = from the start). */
export function resumeFrame(conversationId: string, lastSeq: number) {
  return { type: 'resume' as const, correlationId: 'resume', lastSeq: { [conversationId]: lastSeq } };
}
