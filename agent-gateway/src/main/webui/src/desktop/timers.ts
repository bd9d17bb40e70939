import { useEffect, useState } from 'preact/hooks';

/** Whole seconds from `since` to `now`, never negative (the gateway's clock may be a little ahead). */
export function elapsedSeconds(since: number, now: number): number {
  return Math.max(0, Math.floor((now - since) / 1000));
}

/** `m:ss`, or `h:mm:ss` from one hour. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

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
