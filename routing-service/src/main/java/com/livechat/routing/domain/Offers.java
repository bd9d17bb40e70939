package com.livechat.routing.domain;

import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.WithdrawReason;

import java.time.Duration;
import java.util.List;

/**
 * The decisions of an offer's life: opening it, accepting it, withdrawing it (a queue offer's chat back to its
 * queue), RONA, and the end of the participation it became (release, settle). Each keeps the agent's load in step
 * and publishes its event.
 */
public final class Offers {

    private Offers() {
    }

    /**
     * Offers the chat to {@code agent} until {@code timeout} from now, and publishes {@code ChatOffered} with the
     * customer-inactivity settings of {@code queue} (null when the queue is unknown: the defaults apply).
     */
    public static Offer open(RoutingState state, Agent agent, OfferDraft draft, Duration timeout, RoutingQueue queue) {
        Offer offer = Offer.of(RoutingState.newId(), agent.id, draft, state.now(), state.now().plus(timeout));
        agent.lastOfferedAt = state.now();
        agent.pendingOffers++;
        state.open(offer);
        state.publish(new RoutingEvent.ChatOffered(RoutingState.newId(), state.now(), offer.id,
                offer.conversationId, offer.kind, agent.id, agent.displayName, offer.queueId, offer.queueName,
                offer.customerName, offer.proactive, offer.waitingSince, offer.expiresAt, offer.requestedBy,
                queue == null ? null : queue.inactivityWarningSeconds,
                queue == null ? null : queue.inactivityGraceSeconds));
        return offer;
    }

    /** The agent accepted in time: the chat is theirs ({@code ChatAssigned}, and their load changes). */
    public static void accept(RoutingState state, Offer offer, Agent agent) {
        offer.accept(state.now());
        agent.pendingOffers--;
        agent.activeChats++;
        state.publish(new RoutingEvent.ChatAssigned(RoutingState.newId(), state.now(), offer.id,
                offer.conversationId, offer.kind, agent.id, agent.displayName));
        state.loadChanged(agent.id, "Chat assigned");
    }

    /**
     * Withdraws a pending offer and publishes {@code OfferWithdrawn}. A queue offer withdrawn for any reason but
     * CANCELLED goes back to its queue, ahead of every chat that arrived after it; transfer and conference offers
     * never do (the conversation service decides what happens next).
     */
    public static void withdraw(RoutingState state, Offer offer, WithdrawReason reason) {
        offer.withdraw(reason, state.now());
        Agent agent = state.agentIfGiven(offer.agentId);
        if (agent != null) {
            agent.pendingOffers--;
        }
        state.publish(new RoutingEvent.OfferWithdrawn(RoutingState.newId(), state.now(), offer.id,
                offer.conversationId, offer.kind, offer.agentId, reason));
        if (offer.kind == OfferKind.QUEUE && reason != WithdrawReason.CANCELLED) {
            requeue(state, offer);
        }
    }

    /**
     * No answer (RONA) or a decline: the offer is withdrawn (a queue offer's chat goes back to the head of its
     * queue) and the agent goes to RONA.
     */
    public static void noAnswer(RoutingState state, Offer offer, WithdrawReason reason) {
        String why = reason == WithdrawReason.DECLINED
                ? "Declined an offer" : "No answer to an offer within the RONA timeout";
        withdraw(state, offer, reason);
        AgentStates.enterRona(state, offer.agentId, why);
    }

    /** Cancels the chat's pending offer, if it has one (the agent keeps their state). */
    public static void cancelPendingOffer(RoutingState state, String conversationId) {
        Offer pending = state.pendingOfferOf(conversationId);
        if (pending != null) {
            withdraw(state, pending, WithdrawReason.CANCELLED);
        }
    }

    /** Frees the slots of those participations that still hold one (not released yet). */
    public static void releaseActive(RoutingState state, List<Offer> participations) {
        participations.stream().filter(offer -> offer.releasedAt == null).forEach(offer -> {
            offer.release(state.now());
            Agent agent = state.agentIfGiven(offer.agentId);
            if (agent != null) {
                agent.activeChats--;
            }
            state.loadChanged(offer.agentId, "Chat released");
        });
    }

    /** The participations are over for good: the chat may be offered to those agents again. */
    public static void settle(RoutingState state, List<Offer> participations) {
        participations.forEach(offer -> offer.settle(state.now()));
    }

    private static void requeue(RoutingState state, Offer offer) {
        RoutingQueue queue = state.queue(offer.queueId);
        if (queue == null) {
            state.publish(new RoutingEvent.QueueTimedOut(RoutingState.newId(), state.now(), offer.conversationId,
                    offer.queueId));
            return;
        }
        if (state.waiting(offer.conversationId) != null) {
            return;
        }
        WaitingChat chat = new WaitingChat();
        chat.conversationId = offer.conversationId;
        chat.queueId = queue.id;
        chat.customerName = offer.customerName;
        chat.proactive = offer.proactive;
        chat.leftMessage = offer.leftMessage;
        chat.waitingSince = offer.waitingSince;
        chat.enteredQueueAt = offer.enteredQueueAt != null ? offer.enteredQueueAt : state.now();
        state.enqueue(chat);
    }
}
