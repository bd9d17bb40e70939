package com.livechat.gateway.socket;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {

    @Test
    void burstThenRefillAtTheConfiguredRate() {
        AtomicLong now = new AtomicLong();
        TokenBucket bucket = new TokenBucket(3, 2, now::get);
        assertTrue(bucket.tryTake());
        assertTrue(bucket.tryTake());
        assertTrue(bucket.tryTake());
        assertFalse(bucket.tryTake());
        now.addAndGet(400_000_000L); // 0.4 s at 2/s: 0.8 token, not enough
        assertFalse(bucket.tryTake());
        now.addAndGet(200_000_000L); // 0.6 s in total: 1.2 tokens
        assertTrue(bucket.tryTake());
        assertFalse(bucket.tryTake());
        now.addAndGet(60_000_000_000L); // a minute: capped at the burst
        assertTrue(bucket.tryTake());
        assertTrue(bucket.tryTake());
        assertTrue(bucket.tryTake());
        assertFalse(bucket.tryTake());
    }
}
