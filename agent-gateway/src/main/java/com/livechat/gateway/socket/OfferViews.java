package com.livechat.gateway.socket;

import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.RoutingEvent.ChatOffered;
import com.livechat.gateway.projection.ConversationStore;
import com.livechat.gateway.socket.frame.AgentFrame;
import com.livechat.gateway.socket.frame.Frames;
import com.livechat.gateway.socket.frame.OfferView;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds what the agent's offer pop-up shows: routing's offer plus, from the event log, the thread so far and who
 * handed the chat on ({@link OfferOrigin}).
 */
@ApplicationScoped
public class OfferViews {

    private final ConversationStore conversations;

    public OfferViews(ConversationStore conversations) {
        this.conversations = conversations;
    }

    public Uni<OfferView> view(ChatOffered offer) {
        return conversations.events(offer.conversationId(), 0, Long.MAX_VALUE).map(events -> {
            List<AgentFrame.Message> thread = new ArrayList<>();
            long lastSeq = 0;
            for (ConversationEvent event : events) {
                lastSeq = Math.max(lastSeq, event.seq());
                Frames.forAgent(event).filter(AgentFrame.Message.class::isInstance).map(AgentFrame.Message.class::cast)
                        .ifPresent(thread::add);
            }
            OfferOrigin origin = OfferOrigin.of(offer, events);
            Instant receivedAt = offer.receivedAt() == null ? offer.occurredAt() : offer.receivedAt();
            return new OfferView(offer.offerId(), offer.conversationId(), origin.kind(), offer.customerName(),
                    offer.queueId(), offer.queueName(), offer.agentId(), offer.agentName(), receivedAt,
                    receivedAt == null ? null : LocalDate.ofInstant(receivedAt, ZoneOffset.UTC), offer.occurredAt(),
                    offer.expiresAt(), offer.proactive(), origin.requestedBy(), origin.requestedByName(), lastSeq, thread);
        });
    }

    public Uni<List<OfferView>> views(List<ChatOffered> offers) {
        return Multi.createFrom().iterable(offers).onItem().transformToUniAndConcatenate(this::view).collect().asList();
    }
}
