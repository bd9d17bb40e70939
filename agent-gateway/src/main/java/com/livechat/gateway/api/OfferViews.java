package com.livechat.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.livechat.gateway.domain.ConversationStore;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.RoutingEvent.ChatOffered;
import com.livechat.contracts.json.EventJson;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Builds what the agent's offer pop-up shows: routing's offer plus the thread so far from the event log. */
@ApplicationScoped
public class OfferViews {

    /**
     * An offer as the desktop shows it. {@code receivedAt} is when the chat arrived (the desktop's timer counts from
     * it) and {@code receivedDate} its UTC date; {@code thread} holds the {@code message} frames so far and
     * {@code lastSeq} the conversation's last seq when the view was built.
     */
    public record OfferView(String offerId, String conversationId, OfferKind kind, String customerName,
            String queueId, String queueName, String agentId, String agentName, Instant receivedAt,
            LocalDate receivedDate, Instant offeredAt, Instant expiresAt, boolean proactive, String requestedBy,
            long lastSeq, List<JsonNode> thread) {
    }

    private final ConversationStore conversations;

    public OfferViews(ConversationStore conversations) {
        this.conversations = conversations;
    }

    public Uni<OfferView> view(ChatOffered offer) {
        return conversations.events(offer.conversationId(), 0, Long.MAX_VALUE).map(events -> {
            List<JsonNode> thread = new ArrayList<>();
            long lastSeq = 0;
            for (ConversationEvent event : events) {
                lastSeq = Math.max(lastSeq, event.seq());
                Frames.forAgent(event).filter(frame -> "message".equals(frame.path("type").asText())).ifPresent(thread::add);
            }
            Instant receivedAt = offer.receivedAt() == null ? offer.occurredAt() : offer.receivedAt();
            return new OfferView(offer.offerId(), offer.conversationId(), offer.kind(), offer.customerName(),
                    offer.queueId(), offer.queueName(), offer.agentId(), offer.agentName(), receivedAt,
                    receivedAt == null ? null : LocalDate.ofInstant(receivedAt, ZoneOffset.UTC), offer.occurredAt(),
                    offer.expiresAt(), offer.proactive(), offer.requestedBy(), lastSeq, thread);
        });
    }

    public Uni<List<OfferView>> views(List<ChatOffered> offers) {
        return Multi.createFrom().iterable(offers).onItem().transformToUniAndConcatenate(this::view).collect().asList();
    }

    /** The {@code offer} frame: the view's fields plus {@code type}. */
    public static ObjectNode frame(OfferView view) {
        ObjectNode frame = Frames.frame("offer");
        frame.setAll((ObjectNode) EventJson.mapper().valueToTree(view));
        return frame;
    }
}
