package com.livechat.contracts.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.List;

/**
 * A decision of the routing service, on {@link Topics#ROUTING_EVENTS}. Chat events are keyed by conversation id,
 * agent events by agent id, queue events by queue id, so each stream keeps its order.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RoutingEvent.ChatOffered.class, name = "ChatOffered"),
        @JsonSubTypes.Type(value = RoutingEvent.OfferWithdrawn.class, name = "OfferWithdrawn"),
        @JsonSubTypes.Type(value = RoutingEvent.ChatAssigned.class, name = "ChatAssigned"),
        @JsonSubTypes.Type(value = RoutingEvent.QueuePositionChanged.class, name = "QueuePositionChanged"),
        @JsonSubTypes.Type(value = RoutingEvent.WaitingNoticeIssued.class, name = "WaitingNoticeIssued"),
        @JsonSubTypes.Type(value = RoutingEvent.QueueTimedOut.class, name = "QueueTimedOut"),
        @JsonSubTypes.Type(value = RoutingEvent.AgentStateChanged.class, name = "AgentStateChanged"),
        @JsonSubTypes.Type(value = RoutingEvent.QueueDeleted.class, name = "QueueDeleted"),
        @JsonSubTypes.Type(value = RoutingEvent.RoutingCommandRejected.class, name = "RoutingCommandRejected")
})
public sealed interface RoutingEvent extends LivechatRecord {

    String eventId();

    Instant occurredAt();

    /**
     * A chat is offered to one agent. Carries what the agent's offer pop-up shows (the gateway adds the thread so
     * far): customer name, queue name, agent name, when the chat was received (the desktop timer counts from
     * {@code receivedAt}) and whether it came from a proactive invitation. {@code inactivityWarningSeconds} and
     * {@code inactivityGraceSeconds} are the queue's customer-inactivity settings (null: the conversation service's
     * defaults), which the conversation service applies once the chat is assigned.
     */
    record ChatOffered(String eventId, Instant occurredAt, String offerId, String conversationId, OfferKind kind,
            String agentId, String agentName, String queueId, String queueName, String customerName,
            boolean proactive, Instant receivedAt, Instant expiresAt, String requestedBy,
            Integer inactivityWarningSeconds, Integer inactivityGraceSeconds) implements RoutingEvent {

        @Override
        public String key() {
            return conversationId;
        }
    }

    /** The offer is no longer open to that agent. */
    record OfferWithdrawn(String eventId, Instant occurredAt, String offerId, String conversationId, OfferKind kind,
            String agentId, WithdrawReason reason) implements RoutingEvent {

        @Override
        public String key() {
            return conversationId;
        }
    }

    /** The agent accepted in time: the chat is theirs. */
    record ChatAssigned(String eventId, Instant occurredAt, String offerId, String conversationId, OfferKind kind,
            String agentId, String agentName) implements RoutingEvent {

        @Override
        public String key() {
            return conversationId;
        }
    }

    /** The chat's 1-based position in its queue changed (sent to the customer). */
    record QueuePositionChanged(String eventId, Instant occurredAt, String conversationId, String queueId,
            int position, Integer estimatedWaitSeconds) implements RoutingEvent {

        /** Without an estimate (too little history in the queue). */
        public QueuePositionChanged(String eventId, Instant occurredAt, String conversationId, String queueId,
                int position) {
            this(eventId, occurredAt, conversationId, queueId, position, null);
        }

        @Override
        public String key() {
            return conversationId;
        }
    }

    /**
     * The chat has waited {@code waitedSeconds} in its queue with no agent (the queue's waiting-notice time): the
     * customer is told no agent has joined yet, in the queue's own {@code text}, or when null in the widget's words.
     * At most once per wait for an agent (sent to the customer).
     */
    record WaitingNoticeIssued(String eventId, Instant occurredAt, String conversationId, String queueId,
            int waitedSeconds, String text) implements RoutingEvent {

        @Override
        public String key() {
            return conversationId;
        }
    }

    /** The chat waited longer than the queue's maximum time in queue; routing dropped it from the queue. */
    record QueueTimedOut(String eventId, Instant occurredAt, String conversationId, String queueId)
            implements RoutingEvent {

        @Override
        public String key() {
            return conversationId;
        }
    }

    /** An agent's state or load changed; {@code reason} says why (agent request, RONA, capacity...). */
    record AgentStateChanged(String eventId, Instant occurredAt, String agentId, String displayName, AgentState state,
            AgentState previousState, String idleCode, String reason, int activeChats, int capacity,
            List<String> queueIds) implements RoutingEvent {

        @Override
        public String key() {
            return agentId;
        }
    }

    /** An admin deleted a queue: conversations that depend on it are interrupted by the conversation service. */
    record QueueDeleted(String eventId, Instant occurredAt, String queueId, String queueName)
            implements RoutingEvent {

        @Override
        public String key() {
            return queueId;
        }
    }

    /** A routing command could not be carried out (for example an accept after the offer expired). */
    record RoutingCommandRejected(String eventId, Instant occurredAt, String commandId, String agentId,
            String conversationId, RejectionCode code, String reason) implements RoutingEvent {

        @Override
        public String key() {
            return agentId;
        }
    }
}
