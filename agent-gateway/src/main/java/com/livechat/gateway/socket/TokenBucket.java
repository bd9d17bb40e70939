package com.livechat.gateway.socket;

import com.livechat.gateway.config.GatewayConfig;

import java.time.Clock;
import java.time.Instant;
import java.util.function.LongSupplier;

/** A token bucket: {@code burst} frames at once, refilled at {@code perSecond}; one per connection, thread-safe. */
public final class TokenBucket {

    private final double burst;
    private final double perNano;
    private final LongSupplier nanoClock;
    private double tokens;
    private long refilledAt;

    public TokenBucket(int burst, double perSecond, LongSupplier nanoClock) {
        this.burst = burst;
        this.perNano = perSecond / 1_000_000_000d;
        this.nanoClock = nanoClock;
        this.tokens = burst;
        this.refilledAt = nanoClock.getAsLong();
    }

    /** The bucket of one socket connection, as configured, refilled as the gateway's clock goes. */
    public static TokenBucket forSocket(GatewayConfig.Socket socket, Clock clock) {
        return onClock(socket.rateLimitBurst(), socket.rateLimitPerSecond(), clock);
    }

    /** A bucket refilled as {@code clock} goes. */
    public static TokenBucket onClock(int burst, double perSecond, Clock clock) {
        return new TokenBucket(burst, perSecond, () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        });
    }

    /** Takes one token; false when the bucket is empty (the frame must be refused). */
    public boolean tryTake() {
        return tryTake(1);
    }

    /** Takes {@code count} tokens at once, or none (false) when fewer are left. */
    public synchronized boolean tryTake(int count) {
        long now = nanoClock.getAsLong();
        // A clock set back (wall-clock time) refills nothing rather than taking tokens away.
        tokens = Math.min(burst, tokens + Math.max(0, now - refilledAt) * perNano);
        refilledAt = now;
        if (tokens >= count) {
            tokens -= count;
            return true;
        }
        return false;
    }
}
