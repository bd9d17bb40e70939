package com.livechat.gateway.domain;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * At most {@code maxFailures} failures per key (a user name, a client address) within a sliding {@code window}; the
 * next attempt must wait until the oldest of them leaves the window. Keeps only the last {@code maxFailures} times
 * per key and forgets keys with no failure in the window, so its memory is bounded by the recent failures. Thread-safe.
 */
public final class FailureLimiter {

    private final int maxFailures;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final Map<String, ArrayDeque<Long>> failures = new HashMap<>();
    private long sweptAt;

    public FailureLimiter(int maxFailures, Duration window, LongSupplier nanoClock) {
        this.maxFailures = maxFailures;
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
        this.sweptAt = nanoClock.getAsLong();
    }

    /** How long {@code key} must wait before its next attempt; zero when it may try now. */
    public synchronized Duration retryAfter(String key) {
        long now = nanoClock.getAsLong();
        ArrayDeque<Long> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
            times.removeFirst();
        }
        if (times.isEmpty()) {
            failures.remove(key);
            return Duration.ZERO;
        }
        return times.size() < maxFailures ? Duration.ZERO : Duration.ofNanos(times.peekFirst() + windowNanos - now);
    }

    public synchronized void failed(String key) {
        long now = nanoClock.getAsLong();
        sweep(now);
        ArrayDeque<Long> times = failures.computeIfAbsent(key, ignored -> new ArrayDeque<>());
        times.addLast(now);
        while (times.size() > maxFailures) {
            times.removeFirst();
        }
    }

    /** Forgets the failures of {@code key} (a successful login). */
    public synchronized void clear(String key) {
        failures.remove(key);
    }

    /** Keys tracked now (for tests). */
    synchronized int size() {
        return failures.size();
    }

    /** Once per window, drops the keys whose last failure left the window. */
    private void sweep(long now) {
        if (now - sweptAt < windowNanos) {
            return;
        }
        sweptAt = now;
        failures.values().removeIf(times -> now - times.peekLast() >= windowNanos);
    }
}
