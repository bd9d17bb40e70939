package com.livechat.routing.messaging;

import java.time.Duration;

/** How often a failing input is retried (a database hiccup) before it goes to the dead-letter topic. */
final class Retries {

    static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(2);
    static final int ATTEMPTS = 5;

    private Retries() {
    }
}
