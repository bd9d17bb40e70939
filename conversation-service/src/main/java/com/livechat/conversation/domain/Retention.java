package com.livechat.conversation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a kind of data is kept (docs/privacy.md): a number of days after the moment it stops changing; 0 keeps it
 * for ever. The scheduled purge deletes what is older than {@link #cutoff}.
 */
public record Retention(int days) {

    public Retention {
        if (days < 0) {
            throw new IllegalArgumentException("A retention is 0 (for ever) or a number of days, not " + days);
        }
    }

    /** Data that stopped changing before this instant is due for deletion at {@code now}; empty: kept for ever. */
    public Optional<Instant> cutoff(Instant now) {
        return days == 0 ? Optional.empty() : Optional.of(now.minus(Duration.ofDays(days)));
    }

    /** Whether data that stopped changing at {@code settledAt} (null: not yet) is due for deletion at {@code now}. */
    public boolean due(Instant settledAt, Instant now) {
        return settledAt != null && cutoff(now).map(settledAt::isBefore).orElse(false);
    }
}
