package com.livechat.contracts.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.Map;

/**
 * What happened to a conversation, on {@link Topics#CONVERSATION_EVENTS}, keyed by conversation id. Every event
 * but a rejection has {@code seq}: its position in the conversation's own sequence (1, 2, 3... with no gaps), the
 * order clients replay from after a reconnect. All text in these events is already masked.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ConversationEvent.ConversationStarted.class, name = "ConversationStarted"),
        @JsonSubTypes.Type(value = ConversationEvent.ConversationQueued.class, name = "ConversationQueued"),
        @JsonSubTypes.Type(value = ConversationEvent.AgentOfferRequested.class, name = "AgentOfferRequested"),
        @JsonSubTypes.Type(value = ConversationEvent.MessagePosted.class, name = "MessagePosted"),
        @JsonSubTypes.Type(value = ConversationEvent.ConversationStateChanged.class, name = "ConversationStateChanged"),
        @JsonSubTypes.Type(value = ConversationEvent.ParticipantStateChanged.class, name = "ParticipantStateChanged"),
        @JsonSubTypes.Type(value = ConversationEvent.WrapUpRecorded.class, name = "WrapUpRecorded"),
        @JsonSubTypes.Type(value = ConversationEvent.CustomerInactivityWarned.class,
                name = "CustomerInactivityWarned"),
        @JsonSubTypes.Type(value = ConversationEvent.CommandRejected.class, name = "CommandRejected"),
        @JsonSubTypes.Type(value = ConversationEvent.SurveySubmitted.class, name = "SurveySubmitted"),
        @JsonSubTypes.Type(value = ConversationEvent.MessagesRead.class, name = "MessagesRead"),
        @JsonSubTypes.Type(value = ConversationEvent.CustomerDataErased.class, name = "CustomerDataErased")
})
public sealed interface ConversationEvent extends LivechatRecord {

    String eventId();

    String conversationId();

    /** Position in the conversation's sequence; {@code null} for a {@link CommandRejected}, which changes nothing. */
    Long seq();

    Instant occurredAt();

    @Override
    default String key() {
        return conversationId();
    }

    /** A conversation was created. {@code cad} holds the CAD variables: custom attributes plus system ones. */
    record ConversationStarted(String eventId, String conversationId, Long seq, Instant occurredAt, String queueId,
            String queueName, Customer customer, Map<String, String> cad, boolean proactive)
            implements ConversationEvent {
    }

    /**
     * The conversation waits for an agent in a queue. Routing orders waiting chats by {@code waitingSince}: the time
     * the chat first entered any queue, kept across transfers and requeues. {@code leftMessage} true: the chat is a
     * message the customer left (the widget's message form), not a live chat; the queue's maximum wait does not end
     * it, it waits until an agent can take it. Null (absent, as older writers and live chats leave it out): a live chat.
     */
    record ConversationQueued(String eventId, String conversationId, Long seq, Instant occurredAt, String queueId,
            String queueName, String customerName, boolean proactive, Instant waitingSince, QueueReason reason,
            Boolean leftMessage) implements ConversationEvent {

        /** A live chat (not a left message): {@code leftMessage} absent. */
        public ConversationQueued(String eventId, String conversationId, Long seq, Instant occurredAt, String queueId,
                String queueName, String customerName, boolean proactive, Instant waitingSince, QueueReason reason) {
            this(eventId, conversationId, seq, occurredAt, queueId, queueName, customerName, proactive, waitingSince,
                    reason, null);
        }
    }

    /** The conversation needs one named agent: the target of a transfer, or a conference invitee. */
    record AgentOfferRequested(String eventId, String conversationId, Long seq, Instant occurredAt, OfferKind kind,
            String agentId, String requestedBy, String queueId, String queueName, String customerName,
            boolean proactive, Instant waitingSince) implements ConversationEvent {
    }

    /** A message in the transcript. {@code messageId} is the client-supplied id (system messages get one too). */
    record MessagePosted(String eventId, String conversationId, Long seq, Instant occurredAt, String messageId,
            SenderType senderType, String senderId, String senderName, Audience audience, String text)
            implements ConversationEvent {
    }

    record ConversationStateChanged(String eventId, String conversationId, Long seq, Instant occurredAt,
            ConversationState from, ConversationState to, String reason) implements ConversationEvent {
    }

    /** An agent's participation changed; {@code from} is null when the participation begins. */
    record ParticipantStateChanged(String eventId, String conversationId, Long seq, Instant occurredAt,
            String agentId, String agentName, ParticipantState from, ParticipantState to, String reason)
            implements ConversationEvent {
    }

    record WrapUpRecorded(String eventId, String conversationId, Long seq, Instant occurredAt, String agentId,
            String reasonCode, String reasonLabel, String note) implements ConversationEvent {
    }

    /**
     * The customer has been silent for the queue's warning time: they are asked whether they are still there, and
     * the chat ends as {@code INACTIVE} at {@code endsAt} unless they write before.
     */
    record CustomerInactivityWarned(String eventId, String conversationId, Long seq, Instant occurredAt,
            Instant endsAt) implements ConversationEvent {
    }

    /** The customer's satisfaction survey after the end: {@code rating} 1 to 5, {@code comment} (masked) or null. */
    record SurveySubmitted(String eventId, String conversationId, Long seq, Instant occurredAt, String queueId,
            int rating, String comment) implements ConversationEvent {
    }

    /**
     * A participant's read position moved forward to {@code upToSeq}: the customer ({@code readerType} CUSTOMER,
     * {@code agentId} null) or an agent. Not a message: it is never itself read, so receipts never loop.
     */
    record MessagesRead(String eventId, String conversationId, Long seq, Instant occurredAt, SenderType readerType,
            String agentId, long upToSeq) implements ConversationEvent {
    }

    /**
     * The customer's data of this conversation was erased on request ({@code erasureId}, the gateway's audited
     * request): the conversation service replaced every message text by {@link #ERASED} and removed the customer's
     * name, contact fields, attributes, wrap-up notes and survey comment. Every system that keeps a copy erases it
     * too, idempotently; earlier events of the conversation on this topic leave it by the topic's retention.
     */
    record CustomerDataErased(String eventId, String conversationId, Long seq, Instant occurredAt, String erasureId)
            implements ConversationEvent {

        /** What erased text reads: message texts and the customer's name are replaced by it. */
        public static final String ERASED = "[erased]";
    }

    /** A command was refused; {@code agentId} is null when the customer issued it. Changes nothing. */
    record CommandRejected(String eventId, String conversationId, Long seq, Instant occurredAt, String commandId,
            SenderType issuer, String agentId, RejectionCode code, String reason) implements ConversationEvent {
    }
}
