package com.livechat.gateway.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.livechat.gateway.api.OfferViews.OfferView;
import com.livechat.gateway.api.Views.ConversationView;
import com.livechat.gateway.api.Views.PresenceView;
import com.livechat.gateway.domain.ConversationStore;
import com.livechat.gateway.domain.OfferStore;
import com.livechat.gateway.domain.PresenceStore;
import com.livechat.contracts.json.EventJson;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** What an agent's desktop needs on (re)connect: presence, pending offers, current conversations. */
@ApplicationScoped
public class AgentSnapshot {

    private final PresenceStore presence;
    private final OfferStore offers;
    private final OfferViews offerViews;
    private final ConversationStore conversations;

    public AgentSnapshot(PresenceStore presence, OfferStore offers, OfferViews offerViews,
            ConversationStore conversations) {
        this.presence = presence;
        this.offers = offers;
        this.offerViews = offerViews;
        this.conversations = conversations;
    }

    public Uni<PresenceView> presence(String agentId) {
        return presence.find(agentId).map(found -> PresenceView.of(found.orElse(null)));
    }

    public Uni<List<OfferView>> offers(String agentId) {
        return offers.pendingFor(agentId).chain(offerViews::views);
    }

    public Uni<List<ConversationView>> conversations(String agentId) {
        return conversations.current(agentId).map(list -> list.stream().map(ConversationView::of).toList());
    }

    /** Sends the {@code hello} frame on an agent socket and marks the socket up to date with what it lists. */
    public Uni<Void> hello(ClientStream stream, String displayName) {
        String agentId = stream.agentId();
        return presence(agentId).chain(state -> offers(agentId).chain(pending -> conversations(agentId).chain(current -> {
            ObjectNode hello = Frames.frame("hello").put("agentId", agentId).put("displayName", displayName);
            hello.set("presence", EventJson.mapper().valueToTree(state));
            hello.set("offers", EventJson.mapper().createArrayNode()
                    .addAll(pending.stream().map(view -> (ObjectNode) EventJson.mapper().valueToTree(view)).toList()));
            hello.set("conversations", EventJson.mapper().valueToTree(current));
            pending.forEach(view -> {
                stream.firstSightOfOffer(view.offerId());
                stream.tracker().startAt(view.conversationId(), view.lastSeq());
            });
            current.forEach(view -> stream.tracker().startAt(view.conversationId(), view.lastSeq()));
            return stream.send(hello);
        })));
    }
}
