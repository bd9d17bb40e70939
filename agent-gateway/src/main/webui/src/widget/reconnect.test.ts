import { reconnectDelay, resumeFrame, shouldReconnect } from './reconnect';

describe('the reconnect policy', () => {
  it('backs off from half a second to ten seconds', () => {
    const noJitter = () => 0;
    expect([0, 1, 2, 3, 4, 5, 10].map((attempt) => reconnectDelay(attempt, noJitter))).toEqual([
      500, 1000, 2000, 4000, 8000, 10000, 10000,
    ]);
    expect(reconnectDelay(0, () => 1)).toBe(600);
  });

  it('stops once the chat is over or the token is refused', () => {
    expect(shouldReconnect(1006, false)).toBe(true);
    expect(shouldReconnect(1006, true)).toBe(false);
    expect(shouldReconnect(4401, false)).toBe(false);
  });

  it('resumes after the last seq applied', () => {
    expect(resumeFrame('c-1', 7)).toEqual({ type: 'resume', correlationId: 'resume', lastSeq: { 'c-1': 7 } });
  });
});
