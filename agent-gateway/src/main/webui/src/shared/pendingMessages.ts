/**
 * A message this page sent that the gateway has not acknowledged yet: shown in the thread at once ("Sending…", or
 * "Not sent yet, retrying in N s" after a SERVICE_UNAVAILABLE refusal), kept in sessionStorage so a reload neither
 * loses it nor sends it twice (it goes again with the same clientMessageId, which the gateway stores once), and
 * replaced by the real message when its echo (messageId = clientMessageId) arrives. Shared by the desktop and the
 * widget; pure (no storage, no clock of its own).
 */
export interface PendingMessage {
  clientMessageId: string;
  text: string;
  /** When it was typed (ISO 8601): its time in the thread until the real message replaces it. */
  at: string;
  /** When the next automatic attempt goes (epoch ms) after a refusal; null while an attempt is under way. */
  retryAt: number | null;
}

/** What the thread says under a pending message (translation keys `common:pendingMessage.<key>`). */
export type PendingStatus = { key: 'sending' } | { key: 'retrying'; seconds: number };

export function pendingStatus(message: PendingMessage, now: number): PendingStatus {
  if (message.retryAt === null || message.retryAt <= now) return { key: 'sending' };
  return { key: 'retrying', seconds: Math.ceil((message.retryAt - now) / 1000) };
}

/** The pending messages whose real message is not in the thread yet: one message is never shown twice. */
export function notYetShown(pending: readonly PendingMessage[], shownIds: ReadonlySet<string>): PendingMessage[] {
  return pending.filter((message) => !shownIds.has(message.clientMessageId));
}

/**
 * Pending messages read back from storage; anything malformed is dropped. A restored message has no timer any
 * more: it counts as "Sending…" until the page sends it again.
 */
export function parsePending(raw: string | null | undefined): PendingMessage[] {
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((item) =>
      item && typeof item.clientMessageId === 'string' && typeof item.text === 'string' && typeof item.at === 'string'
        ? [{ clientMessageId: item.clientMessageId, text: item.text, at: item.at, retryAt: null }]
        : [],
    );
  } catch {
    return [];
  }
}

/** What goes into storage: null when nothing waits (the key is removed). */
export function serialisePending(pending: readonly PendingMessage[]): string | null {
  return pending.length === 0
    ? null
    : JSON.stringify(pending.map(({ clientMessageId, text, at }) => ({ clientMessageId, text, at })));
}
