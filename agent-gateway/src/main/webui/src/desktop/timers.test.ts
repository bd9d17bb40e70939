import { elapsedSeconds, formatDuration, offerDeadline, secondsLeft } from './timers';

describe('offer timers', () => {
  it('format durations as m:ss, then h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(3600 + 62)).toBe('1:01:02');
  });

  it('never show a negative elapsed time', () => {
    expect(elapsedSeconds(2000, 1000)).toBe(0);
    expect(elapsedSeconds(1000, 62_500)).toBe(61);
  });

  it('count a live offer’s RONA limit from when it arrived, whatever the clocks say', () => {
    // The gateway's clock is 10 s ahead: its offer says 30 s from offeredAt.
    const offer = { offeredAt: '2026-12-06T10:00:10Z', expiresAt: '2026-12-06T10:00:40Z', arrivedAt: Date.parse('2026-12-06T10:00:00Z'), live: true };
    const deadline = offerDeadline(offer)!;
    expect(secondsLeft(deadline, offer.arrivedAt)).toBe(30);
    expect(secondsLeft(deadline, offer.arrivedAt + 29_200)).toBe(1);
    expect(secondsLeft(deadline, offer.arrivedAt + 31_000)).toBe(0);
  });

  it('use expiresAt as is for an offer listed in a hello', () => {
    const offer = { offeredAt: '2026-12-06T10:00:00Z', expiresAt: '2026-12-06T10:00:30Z', arrivedAt: Date.parse('2026-12-06T10:00:20Z'), live: false };
    expect(secondsLeft(offerDeadline(offer)!, offer.arrivedAt)).toBe(10);
    expect(offerDeadline({ arrivedAt: 0, live: true })).toBeNull();
  });
});
