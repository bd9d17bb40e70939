package com.livechat.conversation.messaging;

import com.livechat.conversation.config.ConversationConfig;
import com.livechat.conversation.persistence.OutboxWritten;
import com.livechat.platform.outbox.OutboxPublishing;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * This service's outbox runtime ({@link OutboxPublishing}): publishes the outbox (conversation events, reference
 * data) to Kafka, as configured by {@code livechat.conversation.outbox.*}. The consumers call {@link #wakeUp()} after
 * each commit; the admin resources fire {@link OutboxWritten}.
 */
@Singleton
public class OutboxPublisher extends OutboxPublishing {

    public OutboxPublisher(Pool pool,
            @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024) MutinyEmitter<String> emitter,
            Vertx vertx, ConversationConfig config) {
        super(pool, emitter, vertx, config.outbox());
    }

    void publishSoon(@Observes OutboxWritten event) {
        wakeUp();
    }
}
