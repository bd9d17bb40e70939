package com.livechat.gateway.socket;

import com.livechat.gateway.projection.ConversationStore;
import com.livechat.gateway.projection.OfferStore;
import com.livechat.gateway.projection.PresenceStore;
import com.livechat.gateway.socket.frame.AgentFrame;
import com.livechat.gateway.socket.frame.ConversationView;
import com.livechat.gateway.socket.frame.OfferView;
import com.livechat.gateway.socket.frame.PresenceView;
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
            pending.forEach(view -> {
                stream.firstSightOfOffer(view.offerId());
                stream.tracker().startAt(view.conversationId(), view.lastSeq());
            });
            current.forEach(view -> stream.tracker().startAt(view.conversationId(), view.lastSeq()));
            return stream.send(new AgentFrame.Hello(agentId, displayName, state, pending, current));
        })));
    }
}
