package com.livechat.conversation.messaging;

import com.livechat.conversation.config.ConversationConfig;
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
 * Runs the {@link OutboxRelay} of this service: publishes the outbox (conversation events, reference data) to Kafka.
 * Writers call {@link #wakeUp()} after each commit; a periodic poll covers anything left behind. Also prunes the
 * inbox of event ids that can no longer be redelivered ({@link InboxPruner}).
 */
@ApplicationScoped
public class OutboxPublisher {

    /** Advisory lock key of this service's relay ("conv" in ASCII). */
    private static final long RELAY_LOCK_KEY = 0x636f6e76L;

    private final OutboxRelay relay;
    private final InboxPruner inboxPruner;
    private final Vertx vertx;
    private final ConversationConfig config;

    public OutboxPublisher(Pool pool,
            @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024) MutinyEmitter<String> emitter,
            Vertx vertx, ConversationConfig config) {
        this.relay = new OutboxRelay(pool, emitter, RELAY_LOCK_KEY, config.outbox().batchSize());
        this.inboxPruner = new InboxPruner(pool, InboxPruner.DEFAULT_KEEP);
        this.vertx = vertx;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        relay.start(vertx, config.outbox().pollInterval());
        inboxPruner.start(vertx, InboxPruner.DEFAULT_INTERVAL);
    }

    void onStop(@Observes ShutdownEvent event) {
        relay.stop();
        inboxPruner.stop();
    }

    public void wakeUp() {
        relay.wakeUp();
    }
}
