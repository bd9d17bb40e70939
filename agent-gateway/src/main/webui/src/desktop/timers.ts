import { useEffect, useState } from 'preact/hooks';

export interface OfferTiming {
  offeredAt?: string;
  expiresAt?: string;
  arrivedAt: number;
  live: boolean;
}

/**
 * The local time (ms) at which the offer goes to RONA. A live offer counts the gateway's limit
 * (expiresAt - offeredAt) from when it reached this page, which is immune to a skew between the two clocks; an
 * offer that came in a hello (after a reload) can only use expiresAt as is.
 */
export function offerDeadline(offer: OfferTiming): number | null {
  if (!offer.expiresAt) return null;
  const expires = Date.parse(offer.expiresAt);
  if (offer.live && offer.offeredAt) return offer.arrivedAt + (expires - Date.parse(offer.offeredAt));
  return expires;
}

/** Seconds left before RONA (rounded up, so "0" only shows once the limit is reached). */
export function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** The current time, re-rendering the component every second. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
