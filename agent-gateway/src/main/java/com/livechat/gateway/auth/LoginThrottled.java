package com.livechat.gateway.auth;

import com.livechat.gateway.refusal.Refusal;

import java.time.Duration;

/** A login refused because of too many recent failures: REST answers 429 with a {@code Retry-After} header. */
public final class LoginThrottled extends Refusal {

    private final long retryAfterSeconds;

    public LoginThrottled(Duration wait) {
        this(Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    private LoginThrottled(long retryAfterSeconds) {
        super(Kind.THROTTLED, "TOO_MANY_ATTEMPTS",
                "Too many failed logins; try again in " + retryAfterSeconds + " seconds.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
