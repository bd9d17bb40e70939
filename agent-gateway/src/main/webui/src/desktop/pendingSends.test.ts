import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PendingSends } from './pendingSends';

describe('the agent messages refused while a dependency is down', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('are sent again after Retry-After with the same clientMessageId, until echoed', () => {
    const transmit = vi.fn();
    const pending = new PendingSends(transmit);
    pending.sent('c-1', 'd-1', 'Hello');
    expect(pending.refused('d-1', 'SERVICE_UNAVAILABLE', 503, 5)).toBe(true);
    vi.advanceTimersByTime(4999);
    expect(transmit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(transmit).toHaveBeenCalledWith('c-1', 'd-1', 'Hello');
    expect(pending.waiting('c-1')).toBe(true);
    expect(pending.echoed('d-1')).toBe('c-1');
    expect(pending.waiting('c-1')).toBe(false);
  });

  it('are forgotten on any other refusal (shown as an error, not retried)', () => {
    const transmit = vi.fn();
    const pending = new PendingSends(transmit);
    pending.sent('c-1', 'd-2', 'x');
    expect(pending.refused('d-2', 'MESSAGE_TOO_LONG', 400)).toBe(false);
    vi.advanceTimersByTime(60_000);
    expect(transmit).not.toHaveBeenCalled();
    expect(pending.echoed('d-2')).toBeNull();
  });
});
