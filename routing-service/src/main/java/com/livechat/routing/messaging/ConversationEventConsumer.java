package com.livechat.routing.messaging;

import com.livechat.contracts.events.ConversationEvent;
import com.livechat.routing.domain.ConversationReactions;
import com.livechat.routing.persistence.InputDecisions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Objects;

/**
 * Conversation events, a poll at a time (see {@link InputProcessing}); routing acts on queued, direct offer
 * requested, participation over and conversation over, and skips the rest. A redelivered event is recognised by its
 * id; a record that cannot be read, or has no event or conversation id, is skipped (logged).
 */
@ApplicationScoped
public class ConversationEventConsumer {

    private static final Logger LOG = Logger.getLogger(ConversationEventConsumer.class);

    private final InputDecisions decisions;
    private final InputProcessing processing;

    public ConversationEventConsumer(InputDecisions decisions, InputProcessing processing) {
        this.decisions = decisions;
        this.processing = processing;
    }

    @Incoming("conversation-events")
    public Uni<Void> consume(List<ConversationEvent> batch) {
        List<ConversationEvent> events = batch.stream().filter(Objects::nonNull)
                .filter(event -> event.eventId() != null && event.conversationId() != null)
                .toList();
        if (events.size() < batch.size()) {
            LOG.warnf("Skipped %d unreadable conversation event(s), or without event id or conversation id",
                    batch.size() - events.size());
        }
        List<ConversationEvent> relevant = events.stream().filter(ConversationReactions::concernsRouting).toList();
        // Only what routing acts on goes further, so a poison record routing ignores can never stop it.
        return relevant.isEmpty() ? Uni.createFrom().voidItem() : processing.process(relevant, decisions::decideEvents);
    }
}
