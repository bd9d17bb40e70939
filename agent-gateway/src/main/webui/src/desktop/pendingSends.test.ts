import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PendingSends } from './pendingSends';
import type { PendingMessage } from '../shared/pendingMessages';

describe('the agent messages not acknowledged yet', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-12-06T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  function tracked() {
    const transmit = vi.fn();
    const lists: Record<string, PendingMessage[]> = {};
    const pending = new PendingSends(transmit, (conversationId, messages) => (lists[conversationId] = messages));
    return { transmit, lists, pending };
  }

  it('are sent again after Retry-After with the same clientMessageId, until echoed', () => {
    const { transmit, pending } = tracked();
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
    const { transmit, pending } = tracked();
    pending.sent('c-1', 'd-2', 'x');
    expect(pending.refused('d-2', 'MESSAGE_TOO_LONG', 400)).toBe(false);
    vi.advanceTimersByTime(60_000);
    expect(transmit).not.toHaveBeenCalled();
    expect(pending.echoed('d-2')).toBeNull();
  });

  it('tell each change of their conversation: sending, retrying at a time, sending again, gone', () => {
    const { lists, pending } = tracked();
    pending.sent('c-1', 'd-1', 'Hello');
    expect(lists['c-1']).toEqual([{ clientMessageId: 'd-1', text: 'Hello', at: '2026-12-06T10:00:00.000Z', retryAt: null }]);
    pending.refused('d-1', 'SERVICE_UNAVAILABLE', undefined, null);
    expect(lists['c-1'][0].retryAt).toBe(Date.parse('2026-12-06T10:00:01Z'));
    vi.advanceTimersByTime(1000);
    expect(lists['c-1'][0].retryAt).toBeNull();
    pending.echoed('d-1');
    expect(lists['c-1']).toEqual([]);
  });

  it('can be cancelled: no retry goes after that', () => {
    const { transmit, lists, pending } = tracked();
    pending.sent('c-1', 'd-1', 'Hello');
    pending.refused('d-1', 'SERVICE_UNAVAILABLE', 503, 5);
    expect(pending.cancel('d-1')).toBe('c-1');
    vi.advanceTimersByTime(60_000);
    expect(transmit).not.toHaveBeenCalled();
    expect(lists['c-1']).toEqual([]);
    expect(pending.cancel('d-1')).toBeNull();
  });

  it('restored after a reload are shown at once, sent again after the hello, forgotten when their chat is closed', () => {
    const { transmit, lists, pending } = tracked();
    const kept = (id: string): PendingMessage => ({ clientMessageId: id, text: `t ${id}`, at: '2026-12-06T09:59:00Z', retryAt: null });
    pending.restore('c-open', [kept('d-1')]);
    pending.restore('c-closed', [kept('d-2')]);
    expect(lists['c-open']).toEqual([kept('d-1')]);
    expect(transmit).not.toHaveBeenCalled();
    pending.resendRestored(['c-open']);
    expect(transmit).toHaveBeenCalledTimes(1);
    expect(transmit).toHaveBeenCalledWith('c-open', 'd-1', 't d-1');
    expect(lists['c-closed']).toEqual([]);
    pending.resendRestored(['c-open']); // a later hello does not send it again: the retries do
    expect(transmit).toHaveBeenCalledTimes(1);
  });
});
