package com.livechat.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.event.Observes;

/**
 * The outbox runtime of a service that decides: its {@link OutboxRelay} publishes the outbox to Kafka from startup
 * to shutdown, and its {@link InboxPruner} forgets event ids that can no longer be redelivered. A service configures
 * it with a {@code @Singleton} bean that extends this class and passes its emitter and {@link OutboxSettings} (no
 * client proxy: the wiring comes through the constructor); writers call
 * {@link #wakeUp()} after each commit, the periodic poll covers anything left behind.
 */
public abstract class OutboxPublishing {

    private final OutboxRelay relay;
    private final InboxPruner inboxPruner;
    private final Vertx vertx;
    private final OutboxSettings settings;

    /**
     * @param emitter channel whose connector is Kafka with String key and value serializers; topic and key come with
     *                each row. Its buffer ({@code @OnOverflow}) must hold {@link OutboxSettings#batchSize()} messages
     */
    protected OutboxPublishing(Pool pool, MutinyEmitter<String> emitter, Vertx vertx, OutboxSettings settings) {
        this.relay = new OutboxRelay(pool, emitter, settings.lockKey(), settings.batchSize());
        this.inboxPruner = new InboxPruner(pool, InboxPruner.DEFAULT_KEEP);
        this.vertx = vertx;
        this.settings = settings;
    }

    void start(@Observes StartupEvent event) {
        relay.start(vertx, settings.pollInterval());
        inboxPruner.start(vertx, settings.inboxPruneInterval());
    }

    void stop(@Observes ShutdownEvent event) {
        relay.stop();
        inboxPruner.stop();
    }

    /** Asks for a publishing round soon (see {@link OutboxRelay#wakeUp()}). */
    public void wakeUp() {
        relay.wakeUp();
    }
}
