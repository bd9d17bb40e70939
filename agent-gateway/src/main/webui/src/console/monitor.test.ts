import { addMonitoredFrame, isLive, lastSeq, liveChatAfter, type MonitoredFrame } from './monitor';
import type { LiveChat } from './overview';

const frame = (seq: number, conversationId = 'c1'): MonitoredFrame => ({
  type: 'message', conversationId, seq, occurredAt: '2026-12-06T10:00:00Z', senderType: 'CUSTOMER', text: `m${seq}`,
});

describe('addMonitoredFrame', () => {
  it('keeps the monitored conversation only, each seq once, in order', () => {
    let frames: readonly MonitoredFrame[] = [];
    frames = addMonitoredFrame(frames, 'c1', frame(2));
    frames = addMonitoredFrame(frames, 'c1', frame(1));
    frames = addMonitoredFrame(frames, 'c1', frame(2));
    frames = addMonitoredFrame(frames, 'c1', frame(3, 'other'));
    frames = addMonitoredFrame(frames, 'c1', { type: 'hello' });
    expect(frames.map((f) => f.seq)).toEqual([1, 2]);
    expect(lastSeq(frames)).toBe(2);
  });

  it('returns the same array when nothing is added', () => {
    const frames = [frame(1)];
    expect(addMonitoredFrame(frames, 'c1', frame(1))).toBe(frames);
    expect(lastSeq([])).toBe(0);
  });
});

describe('liveChatAfter', () => {
  const row: LiveChat = {
    conversationId: 'c1', state: 'CONNECTED', customerName: 'Jean', startedAt: '2026-12-06T10:00:00Z', lastSeq: 5, agents: ['Ada Agent'],
  };
  const at = '2026-12-06T10:01:00Z';
  const participant = (seq: number, agentId: string, agentName: string, to: string): MonitoredFrame =>
    ({ type: 'participant', conversationId: 'c1', seq, occurredAt: at, agentId, agentName, to, change: 'joined' }) as MonitoredFrame;

  it('follows a take-over then the customer ending the chat: the supervisor in, the agent out, "customer ended"', () => {
    const frames = [
      participant(6, 'sam', 'Sam Supervisor', 'ACTIVE'),
      participant(7, 'ada', 'Ada Agent', 'WRAP_UP'),
      { type: 'customer-ended', conversationId: 'c1', seq: 8, occurredAt: at, to: 'CUSTOMER_ENDED' } as MonitoredFrame,
    ];
    const shown = liveChatAfter(row, frames);
    expect(shown).toMatchObject({ state: 'CUSTOMER_ENDED', agents: ['Sam Supervisor'], lastSeq: 8 });
    expect(isLive(shown)).toBe(true);
  });

  it('ignores frames the row already holds, and an ended chat is no longer live', () => {
    const old = { type: 'conversation-state', conversationId: 'c1', seq: 5, occurredAt: at, to: 'QUEUED' } as MonitoredFrame;
    expect(liveChatAfter(row, [old])).toEqual(row);
    const ended = { type: 'conversation-state', conversationId: 'c1', seq: 9, occurredAt: at, to: 'CLOSED' } as MonitoredFrame;
    expect(isLive(liveChatAfter(row, [ended]))).toBe(false);
  });
});
