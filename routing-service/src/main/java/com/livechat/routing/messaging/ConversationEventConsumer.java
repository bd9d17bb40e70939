package com.livechat.routing.messaging;

import com.livechat.routing.domain.RoutingEngine;
import com.livechat.shared.events.ConversationEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Conversation events routing acts on (queued, direct offer requested, participation or conversation over). A
 * redelivered event is recognised by its id; a record that cannot be read is skipped (logged); see
 * {@link InputProcessing} for failures.
 */
@ApplicationScoped
public class ConversationEventConsumer {

    private static final Logger LOG = Logger.getLogger(ConversationEventConsumer.class);

    private final RoutingEngine engine;
    private final InputProcessing processing;

    public ConversationEventConsumer(RoutingEngine engine, InputProcessing processing) {
        this.engine = engine;
        this.processing = processing;
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
        return processing.process(event, event.eventId(), () -> engine.handle(event));
    }
}
