import type { PendingMessage } from '../shared/pendingMessages';
import { isUnavailable, UnavailableRetries } from '../shared/unavailable';

type Transmit = (conversationId: string, clientMessageId: string, text: string) => void;
/** Told the whole list of a conversation's pending messages each time it changes (to draw and to store them). */
type Changed = (conversationId: string, messages: PendingMessage[]) => void;

/**
 * The agent's messages sent and not echoed yet, per conversation, in the order typed. One refused with
 * SERVICE_UNAVAILABLE (a dependency down) is kept and sent again by itself with the same clientMessageId
 * (shared/unavailable.ts); its echo (messageId = clientMessageId) ends it, and so does the agent's Cancel. Any other
 * refusal forgets it (shown as an error as before). Each change goes to `changed`: the thread draws the list and
 * sessionStorage keeps it, so a reload restores it (`restore`) and sends it again (`resendRestored`).
 */
export class PendingSends {
  private readonly pending = new Map<string, PendingMessage & { conversationId: string }>();
  private readonly restored = new Set<string>();
  private readonly retries: UnavailableRetries;

  constructor(
    private readonly transmit: Transmit,
    private readonly changed: Changed = () => undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.retries = new UnavailableRetries((clientMessageId) => {
      const message = this.pending.get(clientMessageId);
      if (!message) return;
      this.update(clientMessageId, { retryAt: null });
      transmit(message.conversationId, clientMessageId, message.text);
    });
  }

  sent(conversationId: string, clientMessageId: string, text: string): void {
    this.pending.set(clientMessageId, { conversationId, clientMessageId, text, at: new Date(this.now()).toISOString(), retryAt: null });
    this.notify(conversationId);
  }

  /** Messages kept from before a reload: shown at once, sent again by `resendRestored` once the socket is up. */
  restore(conversationId: string, messages: PendingMessage[]): void {
    if (messages.length === 0) return;
    messages.forEach((message) => {
      this.pending.set(message.clientMessageId, { ...message, conversationId, retryAt: null });
      this.restored.add(message.clientMessageId);
    });
    this.notify(conversationId);
  }

  /**
   * After a hello: the restored messages of the conversations still open go again (same clientMessageId: stored
   * once even if the first attempt got through); those of conversations no longer open are forgotten.
   */
  resendRestored(openConversations: readonly string[]): void {
    const open = new Set(openConversations);
    for (const clientMessageId of [...this.restored]) {
      this.restored.delete(clientMessageId);
      const message = this.pending.get(clientMessageId);
      if (!message) continue;
      if (open.has(message.conversationId)) this.transmit(message.conversationId, clientMessageId, message.text);
      else this.forget(clientMessageId);
    }
  }

  /** A refusal of a send: true when it is SERVICE_UNAVAILABLE and the message will go again by itself. */
  refused(clientMessageId: string, code: string, status?: number, retryAfterSeconds?: number | null): boolean {
    if (!this.pending.has(clientMessageId)) return false;
    if (!isUnavailable(code, status)) {
      this.forget(clientMessageId);
      return false;
    }
    const delay = this.retries.failed(clientMessageId, retryAfterSeconds);
    if (delay !== null) this.update(clientMessageId, { retryAt: this.now() + delay });
    return true;
  }

  /** The message came back from the server: its conversation, or null when it was not one of ours. */
  echoed(clientMessageId: string): string | null {
    return this.forget(clientMessageId);
  }

  /** The agent gave up on a message not sent yet: its conversation, or null when it is no longer pending. */
  cancel(clientMessageId: string): string | null {
    return this.forget(clientMessageId);
  }

  /** Whether a message of this conversation still waits for a retry. */
  waiting(conversationId: string): boolean {
    return this.of(conversationId).length > 0;
  }

  of(conversationId: string): PendingMessage[] {
    return [...this.pending.values()]
      .filter((message) => message.conversationId === conversationId)
      .map(({ clientMessageId, text, at, retryAt }) => ({ clientMessageId, text, at, retryAt }));
  }

  stop(): void {
    this.retries.stop();
  }

  private update(clientMessageId: string, change: Partial<PendingMessage>): void {
    const message = this.pending.get(clientMessageId);
    if (!message) return;
    this.pending.set(clientMessageId, { ...message, ...change });
    this.notify(message.conversationId);
  }

  private forget(clientMessageId: string): string | null {
    const message = this.pending.get(clientMessageId);
    if (!message) return null;
    this.retries.succeeded(clientMessageId);
    this.pending.delete(clientMessageId);
    this.restored.delete(clientMessageId);
    this.notify(message.conversationId);
    return message.conversationId;
  }

  private notify(conversationId: string): void {
    this.changed(conversationId, this.of(conversationId));
  }
}
