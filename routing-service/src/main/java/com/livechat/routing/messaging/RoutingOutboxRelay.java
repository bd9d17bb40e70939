package com.livechat.routing.messaging;

import com.livechat.routing.config.RoutingConfig;
import com.livechat.routing.domain.DecisionRunner.OutboxWritten;
import com.livechat.platform.outbox.InboxPruner;
import com.livechat.platform.outbox.OutboxRelay;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes the routing outbox (routing events, reference data) to Kafka (see {@link OutboxRelay}), and prunes the
 * inbox of event ids that can no longer be redelivered ({@link InboxPruner}).
 */
@ApplicationScoped
public class RoutingOutboxRelay {

    private final OutboxRelay relay;
    private final InboxPruner inboxPruner;
    private final Vertx vertx;
    private final RoutingConfig config;

    public RoutingOutboxRelay(Pool pool, @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
            MutinyEmitter<String> emitter, Vertx vertx, RoutingConfig config) {
        this.relay = new OutboxRelay(pool, emitter, config.outbox().lockKey(), config.outbox().batchSize());
        this.inboxPruner = new InboxPruner(pool, InboxPruner.DEFAULT_KEEP);
        this.vertx = vertx;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        relay.start(vertx, config.outbox().pollInterval());
        inboxPruner.start(vertx, InboxPruner.DEFAULT_INTERVAL);
    }

    void stop(@Observes ShutdownEvent event) {
        relay.stop();
        inboxPruner.stop();
    }

    void publishSoon(@Observes OutboxWritten event) {
        relay.wakeUp();
    }
}
