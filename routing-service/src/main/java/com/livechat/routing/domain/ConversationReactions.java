package com.livechat.routing.domain;

import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationEvent.AgentOfferRequested;
import com.livechat.contracts.events.ConversationEvent.ConversationQueued;
import com.livechat.contracts.events.ConversationEvent.ConversationStateChanged;
import com.livechat.contracts.events.ConversationEvent.ParticipantStateChanged;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.WithdrawReason;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What routing does about the conversation service's events: a chat queued (or queued again), a direct offer asked
 * for (transfer to an agent, conference), an agent's participation over, the conversation over.
 */
public final class ConversationReactions {

    /** The conversation no longer needs routing: it leaves its queue and any pending offer is cancelled. */
    private static final Set<ConversationState> ROUTING_OVER = EnumSet.of(ConversationState.ABANDONED,
            ConversationState.ENDED, ConversationState.CLOSED, ConversationState.INTERRUPTED);
    /** The agent left the chat (or never joined it): the slot it held is free again. */
    private static final Set<ParticipantState> PARTICIPATION_OVER = EnumSet.of(ParticipantState.WRAP_UP,
            ParticipantState.DONE, ParticipantState.WITHDRAWN);
    /** Nothing more is owed for the participation (wrap-up submitted, or never joined): the chat may come back. */
    private static final Set<ParticipantState> PARTICIPATION_SETTLED = EnumSet.of(ParticipantState.DONE,
            ParticipantState.WITHDRAWN);

    private final Duration defaultRonaTimeout;

    /** @param defaultRonaTimeout the offer timeout of a direct offer whose queue is unknown */
    public ConversationReactions(Duration defaultRonaTimeout) {
        this.defaultRonaTimeout = defaultRonaTimeout;
    }

    /**
     * Whether routing acts on this conversation event; the others are skipped without a decision. A
     * {@code CustomerDataErased} concerns routing but is no decision ({@link #erasesCustomerData}): the persistence
     * adapter erases the customer's name from its waiting chats and offers.
     */
    public static boolean concernsRouting(ConversationEvent event) {
        return erasesCustomerData(event) || event instanceof ConversationQueued || event instanceof AgentOfferRequested
                || (event instanceof ParticipantStateChanged changed && PARTICIPATION_OVER.contains(changed.to()))
                || (event instanceof ConversationStateChanged changed && ROUTING_OVER.contains(changed.to()));
    }

    /** The customer's data of the conversation was erased on request (docs/privacy.md). */
    public static boolean erasesCustomerData(ConversationEvent event) {
        return event instanceof ConversationEvent.CustomerDataErased;
    }

    /** Decides one event that {@link #concernsRouting concerns routing} (an erasure is no decision). */
    public void decide(RoutingState state, ConversationEvent event) {
        if (event instanceof ConversationQueued queued) {
            enqueue(state, queued);
        } else if (event instanceof AgentOfferRequested requested) {
            offerToNamedAgent(state, requested);
        } else if (event instanceof ParticipantStateChanged changed) {
            participationEnded(state, changed);
        } else {
            routingOver(state, (ConversationStateChanged) event);
        }
    }

    /**
     * The chat enters (or re-enters) a queue; its first {@code waitingSince} is kept. An unknown or deleted queue
     * gets {@code QueueTimedOut}, so the conversation service can tell the customer.
     */
    private static void enqueue(RoutingState state, ConversationQueued event) {
        String conversationId = event.conversationId();
        Instant waitingSince = firstNonNull(event.waitingSince(), event.occurredAt(), state.now());
        Offers.cancelPendingOffer(state, conversationId);
        RoutingQueue queue = state.queue(event.queueId());
        WaitingChat chat = state.waiting(conversationId);
        if (queue == null) {
            state.publish(new RoutingEvent.QueueTimedOut(RoutingState.newId(), state.now(), conversationId,
                    event.queueId()));
            if (chat != null) {
                state.leaveQueue(conversationId);
            }
            return;
        }
        if (chat == null) {
            chat = new WaitingChat();
            chat.conversationId = conversationId;
            chat.queueId = queue.id;
            chat.waitingSince = waitingSince;
            chat.enteredQueueAt = state.now();
        } else {
            if (!chat.queueId.equals(queue.id)) {
                chat.queueId = queue.id;
                chat.enteredQueueAt = state.now();
            }
            if (waitingSince.isBefore(chat.waitingSince)) {
                chat.waitingSince = waitingSince;
            }
        }
        chat.customerName = event.customerName();
        chat.proactive = event.proactive();
        chat.leftMessage = Boolean.TRUE.equals(event.leftMessage());
        state.enqueue(chat);
    }

    /**
     * Transfer to an agent and conference: a direct offer through the same offer/RONA machinery, or at once
     * {@code OfferWithdrawn} UNAVAILABLE (with a fresh offer id) when the agent cannot take the chat.
     */
    private void offerToNamedAgent(RoutingState state, AgentOfferRequested event) {
        OfferKind kind = event.kind() == null ? OfferKind.TRANSFER : event.kind();
        Agent agent = state.agent(event.agentId());
        if (unavailableReason(state, agent, event) != null) {
            state.publish(new RoutingEvent.OfferWithdrawn(RoutingState.newId(), state.now(), RoutingState.newId(),
                    event.conversationId(), kind, event.agentId(), WithdrawReason.UNAVAILABLE));
            return;
        }
        RoutingQueue queue = state.queue(event.queueId());
        String queueName = event.queueName() != null || queue == null ? event.queueName() : queue.name;
        Offers.open(state, agent, new OfferDraft(event.conversationId(), kind, event.queueId(), queueName,
                        event.customerName(), event.proactive(),
                        firstNonNull(event.waitingSince(), event.occurredAt(), state.now()), null, event.requestedBy(),
                        false),
                queue == null ? defaultRonaTimeout : queue.ronaTimeout(), queue);
    }

    /** Why the named agent cannot be offered the chat now, or null when they can. */
    static String unavailableReason(RoutingState state, Agent agent, AgentOfferRequested event) {
        if (agent == null) {
            return "unknown agent";
        }
        if (event.kind() == OfferKind.QUEUE) {
            return "a direct offer is a TRANSFER or a CONFERENCE";
        }
        if (state.pendingOfferOf(event.conversationId()) != null) {
            return "the chat already has a pending offer";
        }
        return Eligibility.whyNot(agent, unsettledAgents(state, event.conversationId()));
    }

    /**
     * The agent's participation ended: its slot is released (WRAP_UP, DONE, WITHDRAWN) and, once DONE or
     * WITHDRAWN, it is settled; WITHDRAWN also cancels that agent's pending offer of the chat.
     */
    private static void participationEnded(RoutingState state, ParticipantStateChanged event) {
        if (event.to() == ParticipantState.WITHDRAWN) {
            Offer pending = state.pendingOfferOf(event.conversationId());
            if (pending != null && pending.agentId.equals(event.agentId())) {
                Offers.withdraw(state, pending, WithdrawReason.CANCELLED);
            }
        }
        // The unsettled participations include the active assignments (a settled offer is always released).
        List<Offer> agents = state.unsettledParticipations(event.conversationId()).stream()
                .filter(offer -> offer.agentId.equals(event.agentId())).toList();
        Offers.releaseActive(state, agents);
        if (PARTICIPATION_SETTLED.contains(event.to())) {
            Offers.settle(state, agents);
        }
    }

    /** The chat leaves its queue and its pending offer is cancelled; CLOSED also releases and settles every part. */
    private static void routingOver(RoutingState state, ConversationStateChanged event) {
        String conversationId = event.conversationId();
        if (state.waiting(conversationId) != null) {
            state.leaveQueue(conversationId);
        }
        Offers.cancelPendingOffer(state, conversationId);
        if (event.to() == ConversationState.CLOSED) {
            // CLOSED means every participation is over: a slot still held would be a leak.
            List<Offer> unsettled = state.unsettledParticipations(conversationId);
            Offers.releaseActive(state, unsettled);
            Offers.settle(state, unsettled);
        }
    }

    private static Set<String> unsettledAgents(RoutingState state, String conversationId) {
        return state.unsettledParticipations(conversationId).stream().map(offer -> offer.agentId)
                .collect(Collectors.toSet());
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
