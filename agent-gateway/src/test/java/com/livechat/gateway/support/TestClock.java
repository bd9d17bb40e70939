package com.livechat.gateway.support;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gateway's clock in the @QuarkusTests (it replaces the default {@code GatewayClock}): the system clock, moved
 * forward by what tests {@link #advance} it, so a test that waits on the gateway's time moves it instead of sleeping.
 * It only ever goes forward, so tests sharing the application are not disturbed.
 */
@Singleton
public class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void advance(Duration duration) {
        offset.accumulateAndGet(duration, Duration::plus);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The gateway's clock is in UTC");
    }
}
