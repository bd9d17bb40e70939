package com.livechat.gateway.socket;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypingThrottleTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void oneTypingEveryTwoSecondsAndOneStoppedAfterIt() {
        TypingThrottle throttle = new TypingThrottle();
        assertFalse(throttle.allow("alice", "c-1", false, T0), "no stop before a start");
        assertTrue(throttle.allow("alice", "c-1", true, T0));
        assertFalse(throttle.allow("alice", "c-1", true, T0.plusMillis(1999)));
        assertTrue(throttle.allow("bob", "c-1", true, T0.plusMillis(10)), "per sender");
        assertTrue(throttle.allow("alice", "c-2", true, T0.plusMillis(10)), "per conversation");
        assertTrue(throttle.allow("alice", "c-1", false, T0.plusMillis(500)));
        assertFalse(throttle.allow("alice", "c-1", false, T0.plusMillis(600)), "one stop");
        assertFalse(throttle.allow("alice", "c-1", true, T0.plusMillis(700)), "a restart within 2 s is dropped too");
        assertTrue(throttle.allow("alice", "c-1", true, T0.plusSeconds(2)));
        assertTrue(throttle.allow("alice", "c-1", true, T0.plusSeconds(4)), "a refresh every 2 s while typing");
    }

    @Test
    void aFloodOfAlternationsPassesAtMostTwoSignalsEveryTwoSeconds() {
        TypingThrottle throttle = new TypingThrottle();
        int passed = 0;
        for (int i = 0; i < 1000; i++) {
            if (throttle.allow("customer", "c-1", i % 2 == 0, T0.plusMillis(i))) {
                passed++;
            }
        }
        assertTrue(passed == 2, "passed " + passed);
    }
}
