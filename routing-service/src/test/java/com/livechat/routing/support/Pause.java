package com.livechat.routing.support;

import java.time.Duration;
import java.time.Instant;

/** Lets time pass in a scenario (timers down, an instance dead); never used to decide an assertion. */
public final class Pause {

    private Pause() {
    }

    public static void until(Instant instant) {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
