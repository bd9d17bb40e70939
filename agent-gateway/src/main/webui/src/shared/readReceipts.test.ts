import { describe, expect, it } from 'vitest';
import { READ_THROTTLE_MS, ReadNotifier, readMarkSeq } from './readReceipts';
import type { Timers } from './typing';

function fakeTimers() {
  let now = 0;
  const pending: { at: number; callback: () => void; id: number }[] = [];
  let next = 1;
  const timers: Timers = {
    now: () => now,
    set: (callback, ms) => {
      pending.push({ at: now + ms, callback, id: next });
      return next++;
    },
    clear: (handle) => {
      const index = pending.findIndex((p) => p.id === handle);
      if (index >= 0) pending.splice(index, 1);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const due of pending.filter((p) => p.at <= now)) {
      pending.splice(pending.indexOf(due), 1);
      due.callback();
    }
  };
  return { timers, advance };
}

describe('ReadNotifier', () => {
  it('sends forward only, at most once a second, the highest seq trailing', () => {
    const { timers, advance } = fakeTimers();
    const sent: number[] = [];
    const notifier = new ReadNotifier((seq) => void sent.push(seq), timers);
    notifier.startAt(3);
    notifier.seen(2);
    notifier.seen(3);
    expect(sent).toEqual([]);
    notifier.seen(5);
    expect(sent).toEqual([5]);
    notifier.seen(7);
    notifier.seen(9);
    notifier.seen(8);
    expect(sent).toEqual([5]);
    advance(READ_THROTTLE_MS);
    expect(sent).toEqual([5, 9]);
    notifier.seen(9);
    advance(READ_THROTTLE_MS * 3);
    expect(sent).toEqual([5, 9]);
  });

  it('sends nothing after dispose', () => {
    const { timers, advance } = fakeTimers();
    const sent: number[] = [];
    const notifier = new ReadNotifier((seq) => void sent.push(seq), timers);
    notifier.seen(1);
    notifier.seen(2);
    notifier.dispose();
    advance(READ_THROTTLE_MS);
    expect(sent).toEqual([1]);
  });
});

it('tries again at the next seen when the frame could not go out', () => {
  const { timers, advance } = fakeTimers();
  const sent: number[] = [];
  let open = false;
  const notifier = new ReadNotifier((seq) => {
    if (!open) return false;
    sent.push(seq);
    return true;
  }, timers);
  notifier.seen(4);
  expect(sent).toEqual([]);
  open = true;
  advance(READ_THROTTLE_MS);
  notifier.seen(4);
  expect(sent).toEqual([4]);
});

describe('readMarkSeq', () => {
  it('is the last own message at or below the read position', () => {
    expect(readMarkSeq([2, 5, 9], 0)).toBe(0);
    expect(readMarkSeq([2, 5, 9], 6)).toBe(5);
    expect(readMarkSeq([2, 5, 9], 9)).toBe(9);
    expect(readMarkSeq([], 9)).toBe(0);
  });
});
