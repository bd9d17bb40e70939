package com.livechat.conversation.messaging;

import com.livechat.conversation.config.ConversationConfig;
import com.livechat.shared.outbox.OutboxRelay;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Runs the {@link OutboxRelay} of this service: publishes the outbox (conversation events, reference data) to Kafka.
 * Writers call {@link #wakeUp()} after each commit; a periodic poll covers anything left behind.
 */
@ApplicationScoped
public class OutboxPublisher {

    /** Advisory lock key of this service's relay ("conv" in ASCII). */
    private static final long RELAY_LOCK_KEY = 0x636f6e76L;

    private final OutboxRelay relay;
    private final Vertx vertx;
    private final ConversationConfig config;

    public OutboxPublisher(Pool pool, @Channel("outbox") MutinyEmitter<String> emitter, Vertx vertx,
            ConversationConfig config) {
        this.relay = new OutboxRelay(pool, emitter, RELAY_LOCK_KEY, config.outbox().batchSize());
        this.vertx = vertx;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        relay.start(vertx, config.outbox().pollInterval());
    }

    void onStop(@Observes ShutdownEvent event) {
        relay.stop();
    }

    public void wakeUp() {
        relay.wakeUp();
    }
}
