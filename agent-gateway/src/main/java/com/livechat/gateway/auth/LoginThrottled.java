package com.livechat.gateway.auth;

import com.livechat.gateway.refusal.Throttled;

import java.time.Duration;

/** A login refused because of too many recent failures: REST answers 429 with a {@code Retry-After} header. */
public final class LoginThrottled extends Throttled {

    public LoginThrottled(Duration wait) {
        this(seconds(wait));
    }

    private LoginThrottled(long retryAfterSeconds) {
        super("TOO_MANY_ATTEMPTS", "Too many failed logins; try again in " + retryAfterSeconds + " seconds.",
                retryAfterSeconds);
    }
}
