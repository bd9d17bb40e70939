package com.livechat.gateway.domain;

import com.livechat.platform.problem.ApiException;

import java.time.Duration;

/** A login refused because of too many recent failures; answered 429 with a {@code Retry-After} header. */
public class LoginThrottledException extends ApiException {

    private final long retryAfterSeconds;

    public LoginThrottledException(Duration wait) {
        this(Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    private LoginThrottledException(long retryAfterSeconds) {
        super(429, "Too Many Requests", "Too many failed logins; try again in " + retryAfterSeconds + " seconds.",
                "TOO_MANY_ATTEMPTS");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
