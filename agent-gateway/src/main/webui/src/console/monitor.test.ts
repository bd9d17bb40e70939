import { addMonitoredFrame, lastSeq, type MonitoredFrame } from './monitor';

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
