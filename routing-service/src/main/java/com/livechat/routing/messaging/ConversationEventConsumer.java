package com.livechat.routing.messaging;

import com.livechat.routing.domain.RoutingEngine;
import com.livechat.shared.events.ConversationEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Conversation events routing acts on (queued, direct offer requested, participation or conversation over). Same
 * idempotence and failure handling as {@link RoutingCommandConsumer}.
 */
@ApplicationScoped
public class ConversationEventConsumer {

    private static final Logger LOG = Logger.getLogger(ConversationEventConsumer.class);

    private final RoutingEngine engine;
    private final DeadLetters deadLetters;

    public ConversationEventConsumer(RoutingEngine engine, DeadLetters deadLetters) {
        this.engine = engine;
        this.deadLetters = deadLetters;
    }

    @Incoming("conversation-events")
    public Uni<Void> consume(ConversationEvent event) {
        if (event == null) {
            LOG.warn("Skipped an unreadable conversation event");
            return Uni.createFrom().voidItem();
        }
        if (event.eventId() == null || event.conversationId() == null) {
            LOG.warnf("Skipped a conversation event without event id or conversation id: %s", event);
            return Uni.createFrom().voidItem();
        }
        return engine.handle(event).onFailure().invoke(failure -> LOG.warnf("Conversation event %s failed: %s",
                        event.eventId(), failure.toString()))
                .onFailure().retry().withBackOff(Retries.FIRST_BACKOFF, Retries.MAX_BACKOFF).atMost(Retries.ATTEMPTS)
                .onFailure().recoverWithUni(failure -> deadLetters.park(event, failure));
    }
}
