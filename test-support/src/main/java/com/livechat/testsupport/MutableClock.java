package com.livechat.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock for tests of timers: it runs with the system clock (so the order of what happens is kept) plus an offset
 * that a test moves forward, instead of waiting for a deadline. It never goes back, like the system clock.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    /** Moves this clock {@code amount} forward (at once, for every reader). */
    public void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("A clock does not go back: " + amount);
        }
        offset.accumulateAndGet(amount, Duration::plus);
    }

    /** Moves this clock forward to {@code instant}, if it is not there yet. */
    public void advanceTo(Instant instant) {
        Duration ahead = Duration.between(instant(), instant);
        if (!ahead.isNegative()) {
            advance(ahead);
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("A MutableClock is in UTC");
    }
}
