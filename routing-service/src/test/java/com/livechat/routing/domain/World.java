package com.livechat.routing.domain;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.LivechatRecord;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.RoutingEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds small routing worlds for the core's pure tests: every lookup answers, nothing is loaded. */
final class World {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final Duration DEFAULT_RONA = Duration.ofSeconds(30);

    private World() {
    }

    /** A complete state at {@code T0 + seconds}. */
    static RoutingState at(int seconds) {
        return RoutingState.complete(T0.plusSeconds(seconds));
    }

    static RoutingQueue queue(String id, int ronaSeconds, Integer maxWaitSeconds) {
        RoutingQueue queue = new RoutingQueue();
        queue.id = id;
        queue.name = "Queue " + id;
        queue.strategy = RoutingStrategy.LONGEST_AVAILABLE_AGENT;
        queue.ronaTimeoutSeconds = ronaSeconds;
        queue.maxWaitSeconds = maxWaitSeconds;
        queue.updatedAt = T0;
        return queue;
    }

    /** An agent in {@code state} since {@code T0 + sinceSecond}, with capacity and queues, and no load. */
    static Agent agent(String id, AgentState state, int sinceSecond, int capacity, String... queues) {
        Agent agent = new Agent();
        agent.id = id;
        agent.displayName = "Agent " + id;
        agent.state = state;
        agent.stateSince = T0.plusSeconds(sinceSecond);
        agent.capacity = capacity;
        agent.queueIds = new HashSet<>(Set.of(queues));
        return agent;
    }

    static WaitingChat waiting(String conversationId, String queueId, int waitingSecond, int enteredSecond) {
        WaitingChat chat = new WaitingChat();
        chat.conversationId = conversationId;
        chat.queueId = queueId;
        chat.customerName = "Customer " + conversationId;
        chat.waitingSince = T0.plusSeconds(waitingSecond);
        chat.enteredQueueAt = T0.plusSeconds(enteredSecond);
        return chat;
    }

    /** A pending queue offer of {@code conversationId} to {@code agent} (its load counts it), from second to second. */
    static Offer pending(RoutingState state, String offerId, String conversationId, Agent agent, String queueId,
            int offeredSecond, int expiresSecond) {
        Offer offer = new Offer();
        offer.id = offerId;
        offer.conversationId = conversationId;
        offer.agentId = agent.id;
        offer.kind = OfferKind.QUEUE;
        offer.status = OfferStatus.PENDING;
        offer.queueId = queueId;
        offer.queueName = "Queue " + queueId;
        offer.customerName = "Customer " + conversationId;
        offer.waitingSince = T0;
        offer.enteredQueueAt = T0.plusSeconds(1);
        offer.offeredAt = T0.plusSeconds(offeredSecond);
        offer.expiresAt = T0.plusSeconds(expiresSecond);
        agent.pendingOffers++;
        state.add(offer);
        return offer;
    }

    /** An accepted offer: the agent's active chat (their load counts it). */
    static Offer active(RoutingState state, String offerId, String conversationId, Agent agent, String queueId) {
        Offer offer = pending(state, offerId, conversationId, agent, queueId, 0, 30);
        offer.accept(T0.plusSeconds(1));
        agent.pendingOffers--;
        agent.activeChats++;
        return offer;
    }

    /** The events published, of one type. */
    static <T extends RoutingEvent> List<T> events(RoutingState state, Class<T> type) {
        return state.published().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The types of everything published, in order. */
    static List<String> published(RoutingState state) {
        return state.published().stream().map(LivechatRecord::getClass).map(Class::getSimpleName).toList();
    }
}
