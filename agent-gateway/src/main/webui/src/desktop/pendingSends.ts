import { isUnavailable, UnavailableRetries } from '../shared/unavailable';

/**
 * The agent's messages sent and not echoed yet. One refused with SERVICE_UNAVAILABLE (a dependency down) is kept and
 * sent again by itself with the same clientMessageId (shared/unavailable.ts); its echo (messageId = clientMessageId)
 * ends it. Any other refusal forgets it (shown as an error as before).
 */
export class PendingSends {
  private readonly pending = new Map<string, { conversationId: string; text: string }>();
  private readonly retries: UnavailableRetries;

  constructor(transmit: (conversationId: string, clientMessageId: string, text: string) => void) {
    this.retries = new UnavailableRetries((clientMessageId) => {
      const message = this.pending.get(clientMessageId);
      if (message) transmit(message.conversationId, clientMessageId, message.text);
    });
  }

  sent(conversationId: string, clientMessageId: string, text: string): void {
    this.pending.set(clientMessageId, { conversationId, text });
  }

  /** A refusal of a send: true when it is SERVICE_UNAVAILABLE and the message will go again by itself. */
  refused(clientMessageId: string, code: string, status?: number, retryAfterSeconds?: number | null): boolean {
    if (!this.pending.has(clientMessageId)) return false;
    if (!isUnavailable(code, status)) {
      this.forget(clientMessageId);
      return false;
    }
    this.retries.failed(clientMessageId, retryAfterSeconds);
    return true;
  }

  /** The message came back from the server: its conversation, or null when it was not one of ours. */
  echoed(clientMessageId: string): string | null {
    const message = this.pending.get(clientMessageId);
    if (!message) return null;
    this.forget(clientMessageId);
    return message.conversationId;
  }

  /** Whether a message of this conversation still waits for a retry. */
  waiting(conversationId: string): boolean {
    return [...this.pending.values()].some((message) => message.conversationId === conversationId);
  }

  stop(): void {
    this.retries.stop();
  }

  private forget(clientMessageId: string): void {
    this.retries.succeeded(clientMessageId);
    this.pending.delete(clientMessageId);
  }
}
