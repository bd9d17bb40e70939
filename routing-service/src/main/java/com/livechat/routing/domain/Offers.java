package com.livechat.routing.domain;

import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.WithdrawReason;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Opening, withdrawing and counting offers, inside a {@link Decision}. */
@ApplicationScoped
public class Offers {

    /** An active chat: an accepted offer whose slot is not released yet. */
    private static final String ACTIVE_CHAT =
            "(o.status = com.livechat.routing.domain.OfferStatus.ACCEPTED and o.releasedAt is null)";
    /** An offer that takes one of the agent's slots: pending, or an active chat. */
    private static final String HOLDS_A_SLOT =
            "(o.status = com.livechat.routing.domain.OfferStatus.PENDING or " + ACTIVE_CHAT + ")";

    public Uni<Offer> find(Decision decision, String offerId) {
        return offerId == null ? Uni.createFrom().nullItem() : decision.session().find(Offer.class, offerId);
    }

    public Uni<Offer> pendingFor(Decision decision, String conversationId) {
        return decision.session().flush().chain(() -> decision.session()
                .createSelectionQuery("from Offer o where o.conversationId = :conversation and o.status = :pending",
                        Offer.class)
                .setParameter("conversation", conversationId)
                .setParameter("pending", OfferStatus.PENDING)
                .getSingleResultOrNull());
    }

    public Uni<List<Offer>> pendingOfAgent(Decision decision, String agentId) {
        return decision.session().flush().chain(() -> decision.session()
                .createSelectionQuery("from Offer o where o.agentId = :agent and o.status = :pending"
                        + " order by o.offeredAt, o.id", Offer.class)
                .setParameter("agent", agentId)
                .setParameter("pending", OfferStatus.PENDING)
                .getResultList());
    }

    /** Accepted offers of a conversation whose participation is not settled yet (DONE/WITHDRAWN not seen). */
    public Uni<List<Offer>> unsettledParticipations(Decision decision, String conversationId) {
        return decision.session().flush().chain(() -> decision.session()
                .createSelectionQuery("from Offer o where o.conversationId = :conversation"
                        + " and o.status = :accepted and o.settledAt is null order by o.offeredAt, o.id", Offer.class)
                .setParameter("conversation", conversationId)
                .setParameter("accepted", OfferStatus.ACCEPTED)
                .getResultList());
    }

    /**
     * Of the given agents, those with an unsettled participation in a chat that is waiting in a queue:
     * {@code {conversationId, agentId, queueId}} rows. One query, whatever the length of the queues.
     */
    public Uni<List<Object[]>> unsettledInWaitingChats(Decision decision, Collection<String> agentIds) {
        if (agentIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return decision.session().flush().chain(() -> decision.session()
                .createSelectionQuery("select o.conversationId, o.agentId, w.queueId from Offer o"
                        + " join WaitingChat w on w.conversationId = o.conversationId"
                        + " where o.agentId in :agents and o.status = :accepted and o.settledAt is null", Object[].class)
                .setParameter("agents", agentIds)
                .setParameter("accepted", OfferStatus.ACCEPTED)
                .getResultList());
    }

    /** For each agent, its active chats (absent when none). */
    public Uni<Map<String, Integer>> activeChats(Decision decision, Collection<String> agentIds) {
        return countPerAgent(decision, agentIds, ACTIVE_CHAT);
    }

    /** For each agent, the slots taken: active chats plus pending offers (absent when none). */
    public Uni<Map<String, Integer>> slotsTaken(Decision decision, Collection<String> agentIds) {
        return countPerAgent(decision, agentIds, HOLDS_A_SLOT);
    }

    private static Uni<Map<String, Integer>> countPerAgent(Decision decision, Collection<String> agentIds,
            String condition) {
        if (agentIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return decision.session().flush().chain(() -> decision.session()
                .createSelectionQuery("select o.agentId, count(o) from Offer o where o.agentId in :agents and "
                        + condition + " group by o.agentId", Object[].class)
                .setParameter("agents", agentIds)
                .getResultList()
                .map(rows -> {
                    Map<String, Integer> counts = new HashMap<>();
                    rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).intValue()));
                    return counts;
                }));
    }

    /** Offers the chat to {@code agent} until {@code timeout} from now, and publishes {@code ChatOffered}. */
    public Uni<Offer> open(Decision decision, Agent agent, OfferDraft draft, Duration timeout) {
        Offer offer = new Offer();
        offer.id = Decision.newId();
        offer.conversationId = draft.conversationId();
        offer.agentId = agent.id;
        offer.kind = draft.kind();
        offer.status = OfferStatus.PENDING;
        offer.queueId = draft.queueId();
        offer.queueName = draft.queueName();
        offer.customerName = draft.customerName();
        offer.proactive = draft.proactive();
        offer.waitingSince = draft.waitingSince();
        offer.enteredQueueAt = draft.enteredQueueAt();
        offer.requestedBy = draft.requestedBy();
        offer.offeredAt = decision.now();
        offer.expiresAt = decision.now().plus(timeout);
        agent.lastOfferedAt = decision.now();
        decision.publish(new RoutingEvent.ChatOffered(Decision.newId(), decision.now(), offer.id,
                offer.conversationId, offer.kind, agent.id, agent.displayName, offer.queueId, offer.queueName,
                offer.customerName, offer.proactive, offer.waitingSince, offer.expiresAt, offer.requestedBy));
        return decision.session().persist(offer).replaceWith(offer);
    }

    /**
     * Withdraws a pending offer and publishes {@code OfferWithdrawn}. A queue offer withdrawn for any reason but
     * CANCELLED goes back to its queue, ahead of every chat that arrived after it; transfer and conference offers
     * never do (the conversation service decides what happens next).
     */
    public Uni<Void> withdraw(Decision decision, Offer offer, WithdrawReason reason) {
        offer.withdraw(reason, decision.now());
        decision.publish(new RoutingEvent.OfferWithdrawn(Decision.newId(), decision.now(), offer.id,
                offer.conversationId, offer.kind, offer.agentId, reason));
        if (offer.kind != OfferKind.QUEUE || reason == WithdrawReason.CANCELLED) {
            return Uni.createFrom().voidItem();
        }
        return requeue(decision, offer);
    }

    private Uni<Void> requeue(Decision decision, Offer offer) {
        return decision.session().find(RoutingQueue.class, offer.queueId).chain(queue -> {
            if (queue == null) {
                decision.publish(new RoutingEvent.QueueTimedOut(Decision.newId(), decision.now(),
                        offer.conversationId, offer.queueId));
                return Uni.createFrom().voidItem();
            }
            return decision.session().find(WaitingChat.class, offer.conversationId).chain(existing -> {
                if (existing != null) {
                    return Uni.createFrom().voidItem();
                }
                WaitingChat chat = new WaitingChat();
                chat.conversationId = offer.conversationId;
                chat.queueId = queue.id;
                chat.customerName = offer.customerName;
                chat.proactive = offer.proactive;
                chat.waitingSince = offer.waitingSince;
                chat.enteredQueueAt = offer.enteredQueueAt != null ? offer.enteredQueueAt : decision.now();
                return decision.session().persist(chat);
            });
        });
    }
}
