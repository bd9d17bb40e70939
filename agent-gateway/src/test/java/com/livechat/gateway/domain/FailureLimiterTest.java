package com.livechat.gateway.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailureLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final FailureLimiter limiter = new FailureLimiter(3, Duration.ofMinutes(1), now::get);

    @Test
    void afterTheLimitTheKeyWaitsUntilItsOldestFailureLeavesTheWindow() {
        limiter.failed("alice");
        advance(Duration.ofSeconds(10));
        limiter.failed("alice");
        limiter.failed("alice");
        assertEquals(Duration.ofSeconds(50), limiter.retryAfter("alice"));
        assertEquals(Duration.ZERO, limiter.retryAfter("bob"), "other keys are not affected");
        advance(Duration.ofSeconds(50));
        assertEquals(Duration.ZERO, limiter.retryAfter("alice"), "the first failure left the window");
        limiter.failed("alice");
        assertEquals(Duration.ofSeconds(10), limiter.retryAfter("alice"), "the second one leaves next");
    }

    @Test
    void belowTheLimitOrClearedNothingWaits() {
        limiter.failed("alice");
        limiter.failed("alice");
        assertEquals(Duration.ZERO, limiter.retryAfter("alice"));
        limiter.failed("alice");
        limiter.clear("alice");
        assertEquals(Duration.ZERO, limiter.retryAfter("alice"));
    }

    @Test
    void keysWithoutARecentFailureAreForgotten() {
        for (int i = 0; i < 1000; i++) {
            limiter.failed("user-" + i);
        }
        assertEquals(1000, limiter.size());
        advance(Duration.ofMinutes(2));
        limiter.failed("late");
        assertEquals(1, limiter.size(), "memory is bounded by the failures of the last window");
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
