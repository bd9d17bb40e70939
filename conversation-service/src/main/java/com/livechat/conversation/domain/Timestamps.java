package com.livechat.conversation.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The service's clock, at PostgreSQL's precision, so an instant reads back from the database as it was written. */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
