import { offerDeadline, secondsLeft } from './timers';

describe('offer timers', () => {
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
