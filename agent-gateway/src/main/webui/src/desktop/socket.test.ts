import { AgentSocketClient, bearerProtocols, CONNECT_TIMEOUT_MS, reconnectDelay, SIGNED_OUT_CODE, type SocketEnvironment } from './socket';
import type { HelloFrame, ServerFrame } from './frames';
import type { ConnectionStatus } from './store';

describe('reconnectDelay', () => {
  it('doubles from half a second up to thirty seconds', () => {
    const top = (attempt: number) => reconnectDelay(attempt, () => 1);
    expect([0, 1, 2, 3, 4].map(top)).toEqual([500, 1000, 2000, 4000, 8000]);
    expect(top(6)).toBe(30_000);
    expect(top(50)).toBe(30_000);
  });

  it('spreads attempts over the upper half of the window', () => {
    expect(reconnectDelay(3, () => 0)).toBe(2000);
    expect(reconnectDelay(3, () => 0.5)).toBe(3000);
  });
});

describe('bearerProtocols', () => {
  it('carries the token in a URL-encoded subprotocol', () => {
    expect(bearerProtocols('abc.def')).toEqual(['bearer-token-carrier', 'quarkus-http-upgrade%23Authorization%23Bearer%20abc.def']);
  });
});

class FakeSocket {
  readyState = 0;
  sent: unknown[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly protocols: string[]) {}
  send(text: string) {
    this.sent.push(JSON.parse(text));
  }
  close(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
  open() {
    this.readyState = 1;
  }
  receive(frame: ServerFrame) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

function harness(refusals = 0) {
  let refusalsLeft = refusals;
  const sockets: FakeSocket[] = [];
  const timers: { run: () => void; ms: number; cleared: boolean }[] = [];
  const statuses: ConnectionStatus[] = [];
  const frames: ServerFrame[] = [];
  let signedOut = 0;
  const env: SocketEnvironment = {
    createSocket: (_url, protocols) => {
      if (refusalsLeft-- > 0) throw new DOMException('Refused to connect', 'SecurityError');
      const socket = new FakeSocket(protocols);
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
    setTimer: (run, ms) => {
      const timer = { run, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      if (timer) (timer as { cleared: boolean }).cleared = true;
    },
    isOnline: () => true,
  };
  const client = new AgentSocketClient('ws://test/ws/agent', 'tok', {
    onFrame: (frame) => frames.push(frame),
    resumePoints: () => ({ 'c-1': 7 }),
    onStatus: (status) => statuses.push(status),
    onSignedOut: () => signedOut++,
  }, env);
  return { client, sockets, timers, statuses, frames, signedOut: () => signedOut };
}

const HELLO: HelloFrame = {
  type: 'hello', agentId: 'alice', displayName: 'Alice', presence: { state: 'AVAILABLE', activeChats: 0, capacity: 3, queueIds: [] }, offers: [], conversations: [],
};

describe('AgentSocketClient', () => {
  it('resumes as the first frame after each hello, then reports connected', () => {
    const h = harness();
    h.client.start();
    expect(h.statuses).toEqual(['reconnecting']);
    h.sockets[0].open();
    h.sockets[0].receive(HELLO);
    expect(h.sockets[0].sent[0]).toEqual({ type: 'resume', lastSeq: { 'c-1': 7 } });
    expect(h.statuses.at(-1)).toBe('connected');
    expect(h.frames).toEqual([HELLO]);
  });

  it('reconnects with growing delays after drops, and starts over after a successful hello', () => {
    const h = harness();
    h.client.start();
    h.sockets[0].close();
    expect(h.statuses.at(-1)).toBe('reconnecting');
    const delays = () => h.timers.filter((t) => !t.cleared).map((t) => t.ms);
    expect(delays()[0]).toBeGreaterThanOrEqual(250);
    expect(delays()[0]).toBeLessThanOrEqual(500);
    const retries = () => h.timers.filter((t) => t.ms !== CONNECT_TIMEOUT_MS);
    retries()[0].run();
    h.sockets[1].close();
    expect(retries()[1].ms).toBeGreaterThanOrEqual(500);
    expect(retries()[1].ms).toBeLessThanOrEqual(1000);
    retries()[1].run();
    h.sockets[2].open();
    h.sockets[2].receive(HELLO);
    h.sockets[2].close();
    const last = retries().filter((t) => t.ms !== 20_000).at(-1)!;
    expect(last.ms).toBeLessThanOrEqual(500);
    expect(h.sockets).toHaveLength(3);
  });

  it('does not reconnect when the gateway signed the agent out', () => {
    const h = harness();
    h.client.start();
    h.sockets[0].open();
    h.sockets[0].receive(HELLO);
    h.sockets[0].close(SIGNED_OUT_CODE);
    expect(h.signedOut()).toBe(1);
    expect(h.statuses.at(-1)).toBe('offline');
    expect(h.timers.filter((t) => !t.cleared)).toHaveLength(0);
  });

  it('refuses to send while not connected, so the caller keeps the text', () => {
    const h = harness();
    h.client.start();
    expect(h.client.send({ type: 'send', conversationId: 'c-1', clientMessageId: 'm', text: 'hi' })).toBe(false);
    h.sockets[0].open();
    expect(h.client.send({ type: 'send', conversationId: 'c-1', clientMessageId: 'm', text: 'hi' })).toBe(true);
  });

  it('keeps retrying when the browser refuses to open the socket at all', () => {
    const h = harness(2);
    h.client.start();
    expect(h.sockets).toHaveLength(0);
    expect(h.statuses.at(-1)).toBe('reconnecting');
    h.timers.at(-1)!.run();
    h.timers.at(-1)!.run();
    expect(h.sockets).toHaveLength(1);
    h.sockets[0].open();
    h.sockets[0].receive(HELLO);
    expect(h.statuses.at(-1)).toBe('connected');
  });

  it('gives up a socket that never opens and tries again', () => {
    const h = harness();
    h.client.start();
    const giveUp = h.timers.find((t) => t.ms === CONNECT_TIMEOUT_MS)!;
    giveUp.run();
    expect(h.sockets[0].readyState).toBe(3);
    expect(h.statuses.at(-1)).toBe('reconnecting');
    h.timers.filter((t) => !t.cleared && t.ms !== CONNECT_TIMEOUT_MS).at(-1)!.run();
    expect(h.sockets).toHaveLength(2);
    h.sockets[1].open();
    h.sockets[1].receive(HELLO);
    expect(h.statuses.at(-1)).toBe('connected');
  });

  it('gives up a socket the browser closed without telling its handler', () => {
    const h = harness();
    h.client.start();
    h.sockets[0].readyState = 3; // failed inside the constructor: no close event ever reaches onclose
    h.timers.find((t) => t.ms === CONNECT_TIMEOUT_MS)!.run();
    h.timers.filter((t) => !t.cleared && t.ms !== CONNECT_TIMEOUT_MS).at(-1)!.run();
    expect(h.sockets).toHaveLength(2);
  });

  it('retries at once after an error that leaves the socket closed with no close event', () => {
    const h = harness();
    h.client.start();
    h.sockets[0].readyState = 3; // Chromium, for a socket its CSP blocks: error, CLOSED, and no close event
    h.sockets[0].onerror!();
    expect(h.statuses.at(-1)).toBe('reconnecting');
    h.timers.filter((t) => !t.cleared && t.ms !== CONNECT_TIMEOUT_MS).at(-1)!.run();
    expect(h.sockets).toHaveLength(2);
  });

  it('leaves an opened socket alone when the connect timeout fires', () => {
    const h = harness();
    h.client.start();
    h.sockets[0].open();
    h.timers.find((t) => t.ms === CONNECT_TIMEOUT_MS)!.run();
    expect(h.sockets[0].readyState).toBe(1);
    expect(h.sockets).toHaveLength(1);
  });

  it('closes a connection that stays silent after a ping', () => {
    const h = harness();
    h.client.start();
    h.sockets[0].open();
    h.sockets[0].receive(HELLO);
    const ping = h.timers.find((t) => t.ms === 20_000)!;
    ping.run();
    expect(h.sockets[0].sent.at(-1)).toEqual({ type: 'ping' });
    const watchdog = h.timers.find((t) => t.ms === 10_000)!;
    watchdog.run();
    expect(h.statuses.at(-1)).toBe('reconnecting');
  });
});
