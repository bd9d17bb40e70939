import { bearerProtocols, CONNECT_TIMEOUT_MS, reconnectDelay, SIGNED_OUT_CODE } from '../desktop/socket';
import type { ConnectionStatus } from '../desktop/store';
import type { OverviewFrame } from './overview';

export function supervisorSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/supervisor`;
}

export interface SupervisorSocketHandlers {
  onOverview(frame: OverviewFrame): void;
  onStatus(status: ConnectionStatus): void;
  /** Closed for a revoked or expired token: sign in again rather than reconnect. */
  onSignedOut(): void;
}

/**
 * The supervisor socket (/ws/supervisor): the gateway pushes an `overview` on connect, then on changes. The
 * console only listens; it reconnects with the desktop's back-off (and gets a fresh overview each time).
 */
export class SupervisorSocketClient {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private timer: number | null = null;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly handlers: SupervisorSocketHandlers,
    private readonly create: (url: string, protocols: string[]) => WebSocket = (url, protocols) => new WebSocket(url, protocols),
  ) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.socket?.close(1000);
    this.socket = null;
  }

  private connect(): void {
    this.timer = null;
    this.handlers.onStatus(navigator.onLine === false ? 'offline' : 'reconnecting');
    let socket: WebSocket;
    try {
      socket = this.create(this.url, bearerProtocols(this.token));
    } catch {
      this.retryLater(); // refused before opening (CSP, blocked address): the loop must not die here
      return;
    }
    this.socket = socket;
    socket.onmessage = (event) => {
      if (socket !== this.socket || typeof event.data !== 'string') return;
      let frame: { type?: string };
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      if (frame.type === 'overview') {
        this.attempt = 0;
        this.handlers.onStatus('connected');
        this.handlers.onOverview(frame as OverviewFrame);
      }
    };
    socket.onclose = (event) => {
      if (socket !== this.socket) return;
      this.socket = null;
      if (this.stopped) return;
      if (event.code === SIGNED_OUT_CODE) {
        this.handlers.onStatus('offline');
        this.handlers.onSignedOut();
        return;
      }
      this.retryLater();
    };
    socket.onerror = () => (socket.readyState === WebSocket.CLOSED ? socket.onclose?.(new CloseEvent('close', { code: 1006 })) : socket.close());
    // A socket may stay CONNECTING for minutes with no event (a black-holed address, one a CSP blocks): retry.
    window.setTimeout(() => {
      if (socket !== this.socket || socket.readyState === WebSocket.OPEN) return;
      socket.onclose = socket.onmessage = socket.onerror = null;
      socket.close();
      this.socket = null;
      if (!this.stopped) this.retryLater();
    }, CONNECT_TIMEOUT_MS);
  }

  private retryLater(): void {
    this.handlers.onStatus(navigator.onLine === false ? 'offline' : 'reconnecting');
    this.timer = window.setTimeout(() => this.connect(), reconnectDelay(this.attempt++));
  }
}
