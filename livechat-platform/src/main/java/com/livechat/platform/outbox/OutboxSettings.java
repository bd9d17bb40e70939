package com.livechat.platform.outbox;

import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/**
 * How one service runs its {@link OutboxRelay} and {@link InboxPruner}: a config group each service maps under its
 * own prefix (for example {@code routing.outbox.*}), so every service sets its own lock key.
 */
public interface OutboxSettings {

    /**
     * Key of the PostgreSQL advisory lock that lets one relay at a time publish the service's outbox. The same in every
     * instance of the service, and distinct from any other lock the service takes. No default: each service names its
     * own.
     */
    long lockKey();

    /** Rows handed to the producer in one round (its buffer must hold them, see {@link OutboxRelay}). */
    @WithDefault("200")
    @Min(1)
    int batchSize();

    /** Safety-net polling of the relay; every commit also wakes it up. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How often the inbox is pruned of event ids that can no longer be redelivered. */
    @WithDefault("1h")
    Duration inboxPruneInterval();
}
