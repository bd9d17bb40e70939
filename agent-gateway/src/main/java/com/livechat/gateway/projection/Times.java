package com.livechat.gateway.projection;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The PostgreSQL client speaks {@link OffsetDateTime} for {@code timestamptz}; the contract speaks {@link Instant}. */
public final class Times {

    private Times() {
    }

    public static OffsetDateTime toDb(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant fromDb(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
