package com.livechat.conversation.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The service's instants at PostgreSQL's precision, so an instant reads back from the database as it was written. */
public final class Timestamps {

    private Timestamps() {
    }

    /** {@code instant} as PostgreSQL stores it (microseconds); the adapters pass the injected clock's instant. */
    public static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
