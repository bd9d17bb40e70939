import type { ClientFrame, ServerFrame } from './protocol';
import { reconnectDelay, resumeFrame, shouldReconnect } from './reconnect';

export interface ConnectionCallbacks {
  onFrame(frame: ServerFrame): void;
  onOpenChange(open: boolean): void;
  /** After each (re)connect's replay: the messages still unsent go out again. */
  onResumed(): void;
  lastSeq(): number;
  chatEnded(): boolean;
}

const PING_EVERY_MS = 10_000;
const CONNECT_TIMEOUT_MS = 15_000;

/**
 * The customer socket, kept alive: `resume` with the last seq applied as the first frame of every connection, so
 * nothing is lost across a drop and nothing is shown twice (the state applies each seq once). A browser that goes
 * offline closes it at once; a silent dead link is found by the pings going unanswered.
 */
export class ChatConnection {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private heardSinceLastPing = true;
  private closed = false;
  /** commandId of an acked send → its clientMessageId: a later refusal names the command, not the message. */
  private readonly commands = new Map<string, string>();

  constructor(
    private readonly conversationId: string,
    private readonly token: string,
    private readonly callbacks: ConnectionCallbacks,
  ) {
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
  }

  connect(): void {
    if (this.closed || this.socket) return;
    const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const url = `${protocol}//${location.host}/ws/customer/${encodeURIComponent(this.conversationId)}`;
    let socket: WebSocket;
    try {
      socket = new WebSocket(url, [
        'bearer-token-carrier',
        encodeURIComponent(`quarkus-http-upgrade#Authorization#Bearer ${this.token}`),
      ]);
    } catch {
      // Refused before opening (a Content-Security-Policy, a blocked address): try again later, never give up here.
      this.retryLater();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.heardSinceLastPing = true;
      this.sendFrame(resumeFrame(this.conversationId, this.callbacks.lastSeq()));
      this.startPings();
      this.callbacks.onOpenChange(true);
    };
    socket.onmessage = (event) => this.onMessage(event.data);
    socket.onclose = (event) => this.onClose(socket, event.code);
    // Chromium fails a socket its Content-Security-Policy blocks with an error and readyState CLOSED, no close event.
    socket.onerror = () => {
      if (socket.readyState === WebSocket.CLOSED) this.onClose(socket, 1006);
    };
    // A socket may stay CONNECTING for minutes with no event (a black-holed address, one a CSP blocks): drop it.
    setTimeout(() => {
      if (this.socket === socket && socket.readyState !== WebSocket.OPEN) this.drop();
    }, CONNECT_TIMEOUT_MS);
  }

  /** Sends a message now if the socket is open; otherwise it waits for the reconnect (returns false). */
  send(clientMessageId: string, text: string): boolean {
    return this.sendFrame({ type: 'send', correlationId: clientMessageId, clientMessageId, text });
  }

  close(): void {
    this.closed = true;
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.stopPings();
    this.socket?.close(1000);
    this.socket = null;
  }

  /** Read receipt: the customer has seen the messages up to `seq` (shared/readReceipts.ts); lost while down. */
  read(seq: number): boolean {
    return this.sendFrame({ type: 'read', seq });
  }

  /** The customer started or stopped typing (throttled by shared/typing.ts); lost while the socket is down. */
  typing(typing: boolean): void {
    this.sendFrame({ type: 'typing', typing });
  }

  private sendFrame(frame: ClientFrame): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  private onMessage(data: unknown): void {
    this.heardSinceLastPing = true;
    let frame: ServerFrame;
    try {
      frame = JSON.parse(String(data));
    } catch {
      return; // the gateway only sends JSON; anything else is not a frame
    }
    if (frame.type === 'ack' && frame.correlationId) this.commands.set(frame.commandId, frame.correlationId);
    if (frame.type === 'error' && frame.correlationId && this.commands.has(frame.correlationId)) {
      frame = { ...frame, correlationId: this.commands.get(frame.correlationId) };
    }
    this.callbacks.onFrame(frame);
    if (frame.type === 'resumed') this.callbacks.onResumed();
  }

  private onClose(socket: WebSocket, code: number): void {
    if (this.socket !== socket) return;
    this.socket = null;
    this.stopPings();
    this.callbacks.onOpenChange(false);
    if (this.closed || !shouldReconnect(code, this.callbacks.chatEnded())) return;
    this.retryLater();
  }

  private retryLater(): void {
    if (!navigator.onLine) return; // the 'online' event reconnects
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, reconnectDelay(this.attempt++));
  }

  private readonly onOffline = () => this.drop();

  /** Gives up on the current socket at once (its close event may take long on a dead link) and reconnects. */
  private drop(): void {
    const socket = this.socket;
    if (!socket) return;
    this.onClose(socket, 4000);
    socket.close(4000);
  }

  private readonly onOnline = () => {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.attempt = 0;
    if (!this.callbacks.chatEnded()) this.connect();
  };

  private startPings(): void {
    this.stopPings();
    this.pingTimer = setInterval(() => {
      if (!this.heardSinceLastPing) {
        this.drop();
        return;
      }
      this.heardSinceLastPing = false;
      this.sendFrame({ type: 'ping' });
    }, PING_EVERY_MS);
  }

  private stopPings(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
  }
}
