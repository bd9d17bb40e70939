import { ApiError, GatewayApi, type IdleCode } from './api';
import type { ConversationFrame, HelloFrame } from './frames';
import { loadPending, loadStateSince, pruneDrafts, savePending, saveSelected, saveStateSince, type Session } from './persistence';
import { agentSocketUrl, AgentSocketClient } from './socket';
import { resumePoints, stateKey, type DesktopState } from './store';
import { Store } from './storeHook';
import { RemoteTyping, TypingNotifier } from '../shared/typing';
import { ReadNotifier } from '../shared/readReceipts';
import { UNAVAILABLE_CODE } from '../shared/unavailable';
import { PendingSends } from './pendingSends';

/** Correlation ids of the frames whose refusals are not shown (see onFrame). */
const READ_RECEIPT = 'read-receipt';
const TYPING_SIGNAL = 'typing-signal';
const BACKGROUND_SIGNALS = new Set([READ_RECEIPT, TYPING_SIGNAL]);

let messageCounter = 0;

/** A client message id unique enough per page (crypto.randomUUID is missing on plain-http pages). */
export function newClientMessageId(now = Date.now()): string {
  messageCounter += 1;
  return `d-${now.toString(36)}-${messageCounter}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * The agent's desktop session: one store, the socket feeding it, and the commands the screens call. Commands the
 * gateway refuses land in the store as errors (on the conversation when they concern one).
 */
export class DesktopController {
  readonly store = new Store();
  readonly api: GatewayApi;
  private readonly socket: AgentSocketClient;
  private readonly detach: Array<() => void> = [];
  private readonly backfilling = new Set<string>();
  /** The customer's typing indicator per conversation, and this agent's typing signals per conversation. */
  private readonly customerTyping = new Map<string, RemoteTyping>();
  private readonly myTyping = new Map<string, TypingNotifier>();
  /** This agent's read receipts per conversation (throttled, forward only: shared/readReceipts.ts). */
  private readonly myReads = new Map<string, ReadNotifier>();
  /**
   * Messages sent and not echoed yet: drawn in the thread, kept in sessionStorage across a reload, resent by
   * themselves while a dependency is down (SERVICE_UNAVAILABLE).
   */
  private readonly pendingSends = new PendingSends(
    (conversationId, clientMessageId, text) => this.transmit(conversationId, clientMessageId, text),
    (conversationId, messages) => {
      savePending(this.session.agentId, conversationId, messages);
      this.store.dispatch({ type: 'pending', conversationId, messages });
    },
  );

  constructor(
    readonly session: Session,
    onSignedOut: () => void,
    private readonly selectedOnLoad: string | null,
  ) {
    this.api = new GatewayApi(session.token);
    Object.entries(loadPending(session.agentId)).forEach(([conversationId, messages]) => this.pendingSends.restore(conversationId, messages));
    this.socket = new AgentSocketClient(agentSocketUrl(window.location), session.token, {
      onFrame: (frame) => {
        // A refused receipt or typing signal is nothing the agent can act on (both are best-effort): not shown.
        if (frame.type === 'error' && frame.correlationId !== undefined && BACKGROUND_SIGNALS.has(frame.correlationId)) return;
        if (frame.type === 'typing') {
          this.remoteTyping(frame.conversationId).signal(frame.typing);
          return;
        }
        if (frame.type === 'message' && frame.senderType === 'CUSTOMER') {
          this.customerTyping.get(frame.conversationId)?.signal(false);
        }
        if (frame.type === 'error' && frame.correlationId !== undefined) {
          if (this.pendingSends.refused(frame.correlationId, frame.code, frame.status)) {
            this.showUnavailable(frame.conversationId ?? null);
            return;
          }
        }
        if (frame.type === 'message') this.sendWentThrough(this.pendingSends.echoed(frame.messageId));
        this.store.dispatch({
          type: 'frame',
          frame,
          now: Date.now(),
          restoredStateSince: frame.type === 'hello' ? loadStateSince() : null,
        });
      },
      resumePoints: (hello) => this.afterHello(hello),
      onStatus: (status) => this.store.dispatch({ type: 'connection', status }),
      onSignedOut,
    });
  }

  start(): void {
    this.detach.push(this.store.onChange((state, previous) => this.persist(state, previous)));
    this.detach.push(this.store.onChange((state) => this.backfill(state)));
    const online = () => this.socket.reconnectNow();
    const offline = () => this.socket.wentOffline();
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    this.detach.push(() => window.removeEventListener('online', online));
    this.detach.push(() => window.removeEventListener('offline', offline));
    this.socket.start();
  }

  stop(): void {
    this.customerTyping.forEach((typing) => typing.dispose());
    this.myTyping.forEach((typing) => typing.dispose());
    this.myReads.forEach((reads) => reads.dispose());
    this.pendingSends.stop();
    this.socket.stop();
    this.detach.splice(0).forEach((undo) => undo());
  }

  private afterHello(hello: HelloFrame): Record<string, number> {
    const state = this.store.state;
    if (state.selectedId === null && this.selectedOnLoad && state.tabs.includes(this.selectedOnLoad)) {
      this.store.dispatch({ type: 'select', conversationId: this.selectedOnLoad });
    }
    pruneDrafts(hello.agentId, this.store.state.tabs);
    this.pendingSends.resendRestored(this.store.state.tabs);
    return resumePoints(this.store.state);
  }

  private persist(state: DesktopState, previous: DesktopState): void {
    if (state.selectedId !== previous.selectedId && state.agentId) saveSelected(state.selectedId);
    if (state.presence && state.stateSince !== null && state.stateSince !== previous.stateSince) {
      saveStateSince(stateKey(state.presence.state, state.presence.idleCode), state.stateSince);
    }
  }

  /** A conversation accepted live only has the frames since the offer: fetch the earlier ones (CAD included). */
  private backfill(state: DesktopState): void {
    for (const id of state.tabs) {
      const conversation = state.conversations[id];
      if (!conversation || conversation.backfilled || this.backfilling.has(id)) continue;
      if (conversation.entries.some((e) => e.type === 'conversation-started')) continue;
      if (state.connection !== 'connected') continue;
      this.backfilling.add(id);
      this.api
        .events(id, 0)
        .then((frames: ConversationFrame[]) => this.store.dispatch({ type: 'backfill', conversationId: id, frames }))
        .catch(() => undefined) // the resume replay or the next reconnect brings them
        .finally(() => this.backfilling.delete(id));
    }
  }

  // --- commands -------------------------------------------------------------------------------------------

  select(conversationId: string | null): void {
    this.store.dispatch({ type: 'select', conversationId });
  }

  /** `key` is a state selector value: AVAILABLE, IDLE:<code>, LOGGED_OUT. */
  changeState(key: string): Promise<void> {
    const [state, idleCode] = key.split(':', 2) as ['AVAILABLE' | 'IDLE' | 'LOGGED_OUT', string | undefined];
    return this.run(() => this.api.setState(state, idleCode));
  }

  accept(offerId: string): Promise<void> {
    return this.run(() => this.api.accept(offerId));
  }

  decline(offerId: string): Promise<void> {
    return this.run(() => this.api.decline(offerId));
  }

  idleCodes(): Promise<IdleCode[]> {
    return this.api.idleCodes().catch(() => []);
  }

  /**
   * Sends over the socket (answered by ack or error), over REST when the socket is not open at this instant; a
   * refusal is shown on the conversation either way.
   */
  /** The agent's draft changed: throttled typing signals to the customer (never any text). */
  typing(conversationId: string, draft: string): void {
    let notifier = this.myTyping.get(conversationId);
    if (!notifier) {
      notifier = new TypingNotifier((typing) => this.socket.send({ type: 'typing', conversationId, typing, correlationId: TYPING_SIGNAL }));
      this.myTyping.set(conversationId, notifier);
    }
    notifier.keystroke(!draft.trim());
  }

  /** The agent has seen the conversation up to the message `seq` (the pane is shown and the window focused). */
  markRead(conversationId: string, seq: number): void {
    let notifier = this.myReads.get(conversationId);
    if (!notifier) {
      notifier = new ReadNotifier((upTo) => this.socket.send({ type: 'read', conversationId, seq: upTo, correlationId: READ_RECEIPT }));
      this.myReads.set(conversationId, notifier);
    }
    notifier.seen(seq);
  }

  private remoteTyping(conversationId: string): RemoteTyping {
    let typing = this.customerTyping.get(conversationId);
    if (!typing) {
      typing = new RemoteTyping((shown) => this.store.dispatch({ type: 'typing', conversationId, typing: shown }));
      this.customerTyping.set(conversationId, typing);
    }
    return typing;
  }

  sendMessage(conversationId: string, text: string): void {
    this.myTyping.get(conversationId)?.stop();
    const clientMessageId = newClientMessageId();
    this.pendingSends.sent(conversationId, clientMessageId, text);
    this.transmit(conversationId, clientMessageId, text);
  }

  /** One attempt at a message (the first or a retry, same clientMessageId): socket, else REST. */
  private transmit(conversationId: string, clientMessageId: string, text: string): void {
    const frame = { type: 'send', conversationId, clientMessageId, correlationId: clientMessageId, text } as const;
    if (this.socket.send(frame)) return;
    this.api
      .post(`/api/conversations/${encodeURIComponent(conversationId)}/messages`, { clientMessageId, text })
      .catch((error: unknown) => {
        const refusal = asRefusal(error);
        const status = error instanceof ApiError ? error.status : undefined;
        const retryAfter = error instanceof ApiError ? error.retryAfterSeconds : null;
        if (this.pendingSends.refused(clientMessageId, refusal.code, status, retryAfter)) this.showUnavailable(conversationId);
        else this.store.dispatch({ type: 'conversation-error', conversationId, ...refusal });
      });
  }

  private showUnavailable(conversationId: string | null): void {
    const notice = { code: UNAVAILABLE_CODE, message: null };
    this.store.dispatch(conversationId ? { type: 'conversation-error', conversationId, ...notice } : { type: 'error', ...notice });
  }

  /** The agent gives up on a message not acknowledged yet (it may still arrive if an earlier attempt got through). */
  cancelPending(clientMessageId: string): void {
    this.sendWentThrough(this.pendingSends.cancel(clientMessageId));
  }

  /** A message of ours came back: the service-down notice goes once nothing of that conversation waits any more. */
  private sendWentThrough(conversationId: string | null): void {
    if (!conversationId || this.pendingSends.waiting(conversationId)) return;
    const state = this.store.state;
    if (state.conversations[conversationId]?.error?.code === UNAVAILABLE_CODE) this.dismissError(conversationId);
    if (state.error?.code === UNAVAILABLE_CODE) this.dismissError();
  }

  /** A conversation command over REST; a refusal is shown in the conversation's pane. */
  conversationCommand(conversationId: string, path: string, body?: unknown): Promise<boolean> {
    return this.api
      .post(`/api/conversations/${encodeURIComponent(conversationId)}${path}`, body)
      .then(() => true)
      .catch((error: unknown) => {
        const refusal = asRefusal(error);
        this.store.dispatch({ type: 'conversation-error', conversationId, ...refusal });
        return false;
      });
  }

  dismissError(conversationId?: string): void {
    this.store.dispatch({ type: 'dismiss-error', conversationId });
  }

  logout(): Promise<void> {
    // Best effort: the agent leaves routing's pool; the token is forgotten whatever the answer.
    return this.api.setState('LOGGED_OUT').then(
      () => undefined,
      () => undefined,
    );
  }

  private run(command: () => Promise<unknown>): Promise<void> {
    return command().then(
      () => undefined,
      (error: unknown) => this.store.dispatch({ type: 'error', ...asRefusal(error) }),
    );
  }
}

export function asRefusal(error: unknown): { code: string; message: string | null } {
  return error instanceof ApiError ? { code: error.code, message: error.detail } : { code: 'NETWORK', message: null };
}
