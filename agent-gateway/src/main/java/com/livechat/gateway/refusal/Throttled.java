package com.livechat.gateway.refusal;

import java.time.Duration;

/** Too many requests: REST answers 429 with a {@code Retry-After} header of {@link #retryAfterSeconds()}. */
public class Throttled extends Refusal {

    private final long retryAfterSeconds;

    public Throttled(String code, String detail, long retryAfterSeconds) {
        super(Kind.THROTTLED, code, detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whole seconds, at least one, rounded up. */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
