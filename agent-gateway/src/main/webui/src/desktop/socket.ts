import type { ClientFrame, HelloFrame, ServerFrame } from './frames';
import type { ConnectionStatus } from './store';

/** Close code the gateway uses for a revoked token: ask for a new login instead of reconnecting. */
export const SIGNED_OUT_CODE = 4401;
const MIN_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;
const PING_EVERY_MS = 20_000;
const PONG_TIMEOUT_MS = 10_000;
/**
 * A socket still connecting after this long is given up and tried again. Browsers may leave one CONNECTING for
 * minutes with no event at all (a black-holed address; Chromium does so for one its Content-Security-Policy blocks).
 */
export const CONNECT_TIMEOUT_MS = 15_000;

/**
 * Delay before reconnect attempt `attempt` (0-based): exponential from 0.5 s, capped at 30 s, with jitter in the
 * upper half so that many desktops dropped together (a gateway restart) do not all come back in the same instant.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The two subprotocols that carry the bearer token (browsers cannot set headers on a WebSocket). */
export function bearerProtocols(token: string): string[] {
  return ['bearer-token-carrier', encodeURIComponent(`quarkus-http-upgrade#Authorization#Bearer ${token}`)];
}

export function agentSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/agent`;
}

export interface SocketHandlers {
  onFrame(frame: ServerFrame): void;
  /** Called right after the hello was handed to onFrame: the last seq seen per conversation, for `resume`. */
  resumePoints(hello: HelloFrame): Record<string, number>;
  onStatus(status: ConnectionStatus): void;
  /** The gateway closed the socket because the token was revoked or expired. */
  onSignedOut(): void;
}

export interface SocketEnvironment {
  createSocket(url: string, protocols: string[]): WebSocket;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
  isOnline(): boolean;
}

const browserEnvironment: SocketEnvironment = {
  createSocket: (url, protocols) => new WebSocket(url, protocols),
  setTimer: (run, ms) => window.setTimeout(run, ms),
  clearTimer: (timer) => window.clearTimeout(timer as number),
  isOnline: () => navigator.onLine !== false,
};

/**
 * The agent socket: connects, sends `resume` as the first frame after each hello (so a reconnect replays what was
 * missed, each seq once), pings to notice a dead connection, and reconnects with exponential back-off.
 */
export class AgentSocketClient {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private reconnectTimer: unknown = null;
  private pingTimer: unknown = null;
  private pongTimer: unknown = null;
  private connectTimer: unknown = null;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly handlers: SocketHandlers,
    private readonly env: SocketEnvironment = browserEnvironment,
  ) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    this.socket?.close(1000);
    this.socket = null;
  }

  /** Sends a frame when the socket is open; false when it is not (the caller keeps the user's input). */
  send(frame: ClientFrame): boolean {
    if (!this.socket || this.socket.readyState !== 1) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  /** The browser is back online: try at once instead of waiting for the back-off. */
  reconnectNow(): void {
    if (this.stopped || (this.socket && this.socket.readyState <= 1)) return;
    this.env.clearTimer(this.reconnectTimer);
    this.connect();
  }

  /** The browser went offline: say so; the socket will fail and reconnect when it is back. */
  wentOffline(): void {
    this.handlers.onStatus('offline');
  }

  private connect(): void {
    this.reconnectTimer = null;
    this.handlers.onStatus(this.env.isOnline() ? 'reconnecting' : 'offline');
    let socket: WebSocket;
    try {
      socket = this.env.createSocket(this.url, bearerProtocols(this.token));
    } catch {
      // The browser refused to even open it (a Content-Security-Policy or a bad address throws here rather than
      // closing): without this the timer callback dies and the desktop would stay "reconnecting" for good.
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onmessage = (event) => this.receive(socket, event.data);
    socket.onclose = (event) => this.closed(socket, event.code);
    // Chromium fails a socket its Content-Security-Policy blocks with an error event and readyState CLOSED, and never
    // sends the close event: treat that error as the close.
    socket.onerror = () => (socket.readyState === 3 ? this.closed(socket, 1006) : socket.close());
    this.connectTimer = this.env.setTimer(() => this.giveUpConnecting(socket), CONNECT_TIMEOUT_MS);
  }

  /**
   * Still not open: forget this socket and try again. Checked as "not OPEN" rather than "CONNECTING": a socket the
   * browser failed at once may already say CLOSED without its close event ever reaching our handler.
   */
  private giveUpConnecting(socket: WebSocket): void {
    this.connectTimer = null;
    if (socket !== this.socket || socket.readyState === 1) return;
    socket.onmessage = socket.onclose = socket.onerror = null;
    socket.close();
    this.closed(socket, 1006);
  }

  private receive(socket: WebSocket, data: unknown): void {
    if (socket !== this.socket || typeof data !== 'string') return;
    let frame: ServerFrame;
    try {
      frame = JSON.parse(data) as ServerFrame;
    } catch {
      return; // the gateway only sends JSON; anything else is not ours to show
    }
    this.env.clearTimer(this.pongTimer);
    this.pongTimer = null;
    this.handlers.onFrame(frame);
    if (frame.type === 'hello') {
      this.attempt = 0;
      this.send({ type: 'resume', lastSeq: this.handlers.resumePoints(frame) });
      this.handlers.onStatus('connected');
      this.schedulePing();
    }
  }

  private closed(socket: WebSocket, code: number): void {
    if (socket !== this.socket) return;
    this.socket = null;
    this.clearTimers();
    if (this.stopped) return;
    if (code === SIGNED_OUT_CODE) {
      this.handlers.onStatus('offline');
      this.handlers.onSignedOut();
      return;
    }
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.handlers.onStatus(this.env.isOnline() ? 'reconnecting' : 'offline');
    this.reconnectTimer = this.env.setTimer(() => this.connect(), reconnectDelay(this.attempt++));
  }

  private schedulePing(): void {
    this.env.clearTimer(this.pingTimer);
    this.pingTimer = this.env.setTimer(() => {
      if (this.send({ type: 'ping' })) {
        // No frame at all within the timeout: the connection is dead even if the browser has not noticed.
        this.pongTimer = this.env.setTimer(() => this.socket?.close(), PONG_TIMEOUT_MS);
      }
      this.schedulePing();
    }, PING_EVERY_MS);
  }

  private clearTimers(): void {
    for (const timer of [this.reconnectTimer, this.pingTimer, this.pongTimer, this.connectTimer]) if (timer !== null) this.env.clearTimer(timer);
    this.reconnectTimer = this.pingTimer = this.pongTimer = this.connectTimer = null;
  }
}
