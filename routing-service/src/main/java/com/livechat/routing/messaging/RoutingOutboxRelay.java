package com.livechat.routing.messaging;

import com.livechat.platform.outbox.OutboxPublishing;
import com.livechat.routing.config.RoutingConfig;
import com.livechat.routing.persistence.OutboxWritten;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * This service's outbox runtime ({@link OutboxPublishing}): publishes the routing outbox (routing events, reference
 * data) to Kafka, as configured by {@code routing.outbox.*}, woken up by every committed decision.
 */
@Singleton
public class RoutingOutboxRelay extends OutboxPublishing {

    public RoutingOutboxRelay(Pool pool, @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
            MutinyEmitter<String> emitter, Vertx vertx, RoutingConfig config) {
        super(pool, emitter, vertx, config.outbox());
    }

    void publishSoon(@Observes OutboxWritten event) {
        wakeUp();
    }
}
