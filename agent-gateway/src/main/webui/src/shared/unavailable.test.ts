import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isUnavailable, MAX_RETRY_DELAY_MS, UnavailableRetries, unavailableRetryDelay } from './unavailable';

describe('unavailable retry policy', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('recognises the 503 / SERVICE_UNAVAILABLE refusal only', () => {
    expect(isUnavailable('SERVICE_UNAVAILABLE')).toBe(true);
    expect(isUnavailable('HTTP_503', 503)).toBe(true);
    expect(isUnavailable('RATE_LIMITED', 429)).toBe(false);
  });

  it('waits Retry-After when given, else a doubling back-off, both capped', () => {
    expect(unavailableRetryDelay(0, 5)).toBe(5000);
    expect(unavailableRetryDelay(0)).toBe(1000);
    expect(unavailableRetryDelay(2)).toBe(4000);
    expect(unavailableRetryDelay(20)).toBe(MAX_RETRY_DELAY_MS);
    expect(unavailableRetryDelay(0, 3600)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('resends the same clientMessageId once after the delay, and not after success', () => {
    const resend = vi.fn();
    const retries = new UnavailableRetries(resend);
    retries.failed('m-1', 5);
    retries.failed('m-1', 5); // a second refusal of the same send does not double the retry
    vi.advanceTimersByTime(4999);
    expect(resend).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(resend).toHaveBeenCalledTimes(1);
    expect(resend).toHaveBeenCalledWith('m-1');

    retries.failed('m-1'); // refused again: back-off of attempt 1 (2 s)
    retries.succeeded('m-1');
    vi.advanceTimersByTime(60_000);
    expect(resend).toHaveBeenCalledTimes(1);
  });
});
