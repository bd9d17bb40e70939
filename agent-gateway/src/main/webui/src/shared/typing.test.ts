import { RemoteTyping, type Timers, TYPING_IDLE_MS, TYPING_REFRESH_MS, TYPING_SHOWN_MS, TypingNotifier } from './typing';

/** A clock moved by hand, running due callbacks. */
function fakeTimers() {
  let now = 0;
  let next = 0;
  const due = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    now: () => now,
    set: (run, ms) => {
      due.set(++next, { at: now + ms, run });
      return next;
    },
    clear: (handle) => due.delete(handle as number),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, timer] of [...due].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at <= now && due.delete(id)) timer.run();
    }
  };
  return { timers, advance };
}

describe('TypingNotifier', () => {
  it('sends typing once per refresh interval while typing, then stopped after the idle time', () => {
    const { timers, advance } = fakeTimers();
    const sent: boolean[] = [];
    const notifier = new TypingNotifier((typing) => sent.push(typing), timers);
    notifier.keystroke();
    advance(500);
    notifier.keystroke();
    advance(500);
    notifier.keystroke();
    expect(sent).toEqual([true]);
    advance(TYPING_REFRESH_MS);
    notifier.keystroke();
    expect(sent).toEqual([true, true]);
    advance(TYPING_IDLE_MS);
    expect(sent).toEqual([true, true, false]);
  });

  it('stops at once when the message is sent or the draft emptied, and only once', () => {
    const { timers, advance } = fakeTimers();
    const sent: boolean[] = [];
    const notifier = new TypingNotifier((typing) => sent.push(typing), timers);
    notifier.keystroke();
    notifier.stop();
    notifier.stop();
    advance(TYPING_IDLE_MS * 2);
    expect(sent).toEqual([true, false]);
    notifier.keystroke();
    notifier.keystroke(true);
    expect(sent).toEqual([true, false, true, false]);
  });
});

describe('RemoteTyping', () => {
  it('shows on typing, hides on stopped or after the display time', () => {
    const { timers, advance } = fakeTimers();
    const changes: boolean[] = [];
    const remote = new RemoteTyping((typing) => changes.push(typing), timers);
    remote.signal(true);
    remote.signal(true);
    expect(changes).toEqual([true]);
    remote.signal(false);
    expect(changes).toEqual([true, false]);
    remote.signal(true);
    advance(TYPING_SHOWN_MS - 1);
    remote.signal(true); // refreshed: stays
    advance(TYPING_SHOWN_MS - 1);
    expect(changes).toEqual([true, false, true]);
    advance(1);
    expect(changes).toEqual([true, false, true, false]);
  });
});
