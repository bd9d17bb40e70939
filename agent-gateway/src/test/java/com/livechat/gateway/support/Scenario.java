package com.livechat.gateway.support;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.Customer;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.QueueReason;
import com.livechat.contracts.events.ReferenceData;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.SenderType;
import com.livechat.contracts.events.Topics;
import com.livechat.contracts.events.WithdrawReason;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes what routing and the conversation service would, for one conversation: numbered conversation events
 * and routing decisions, so tests drive the gateway exactly as the real services do.
 */
public final class Scenario {

    public final String conversationId;
    public final String queueId;
    private long seq;

    public Scenario(String conversationId, String queueId) {
        this.conversationId = conversationId;
        this.queueId = queueId;
    }

    public static Scenario newConversation(String queueId) {
        return new Scenario(UUID.randomUUID().toString(), queueId);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public long seq() {
        return seq;
    }

    /** Takes the next seq for an event built by the caller. */
    public long nextSeq() {
        return ++seq;
    }

    // Reference data and presence.

    public static void queue(String id, String name) {
        Kafka.publish(Topics.REFERENCE_DATA, new ReferenceData.QueueInfo(id, name, false));
    }

    public static void idleCode(String code, String label) {
        Kafka.publish(Topics.REFERENCE_DATA, new ReferenceData.IdleCodeInfo(code, label, false));
    }

    public static void wrapUpReason(String code, String label) {
        Kafka.publish(Topics.REFERENCE_DATA, new ReferenceData.WrapUpReasonInfo(code, label, false));
    }

    public static void template(String id, String name, String body) {
        Kafka.publish(Topics.REFERENCE_DATA, new ReferenceData.MessageTemplateInfo(id, name, body, false));
    }

    public static void presence(String agentId, String name, AgentState state, int activeChats, int capacity) {
        Kafka.publish(Topics.ROUTING_EVENTS, new RoutingEvent.AgentStateChanged(id(), Instant.now(), agentId, name, state,
                AgentState.LOGGED_OUT, null, "TEST", activeChats, capacity, List.of("support")));
    }

    // Conversation events, numbered.

    public Scenario started(String customerName) {
        return publish(new ConversationEvent.ConversationStarted(id(), conversationId, ++seq, Instant.now(), queueId,
                "Support", new Customer(customerName, null, null), Map.of("orderId", "42"), false));
    }

    public Scenario queued() {
        return queued(QueueReason.NEW);
    }

    public Scenario queued(QueueReason reason) {
        return publish(new ConversationEvent.ConversationQueued(id(), conversationId, ++seq, Instant.now(), queueId,
                "Support", "Customer", false, Instant.now(), reason));
    }

    public Scenario message(SenderType sender, String senderId, String senderName, Audience audience, String text) {
        return publish(new ConversationEvent.MessagePosted(id(), conversationId, ++seq, Instant.now(), id(), sender,
                senderId, senderName, audience, text));
    }

    public Scenario customerSays(String text) {
        return message(SenderType.CUSTOMER, null, "Customer", Audience.EVERYONE, text);
    }

    public Scenario state(ConversationState from, ConversationState to, String reason) {
        return publish(new ConversationEvent.ConversationStateChanged(id(), conversationId, ++seq, Instant.now(), from,
                to, reason));
    }

    public Scenario participant(String agentId, String agentName, ParticipantState from, ParticipantState to) {
        return publish(new ConversationEvent.ParticipantStateChanged(id(), conversationId, ++seq, Instant.now(), agentId,
                agentName, from, to, "TEST"));
    }

    public Scenario conferenceRequested(String inviteeId, String requestedBy) {
        return publish(new ConversationEvent.AgentOfferRequested(id(), conversationId, ++seq, Instant.now(),
                OfferKind.CONFERENCE, inviteeId, requestedBy, queueId, "Support", "Customer", false, Instant.now()));
    }

    public Scenario wrapUp(String agentId, String code) {
        return publish(new ConversationEvent.WrapUpRecorded(id(), conversationId, ++seq, Instant.now(), agentId, code,
                code + " label", "a note"));
    }

    public Scenario survey(int rating, String comment) {
        return publish(new ConversationEvent.SurveySubmitted(id(), conversationId, ++seq, Instant.now(), queueId, rating,
                comment));
    }

    /** A read receipt as the conversation service publishes it: {@code agentId} null for the customer. */
    public Scenario read(SenderType readerType, String agentId, long upToSeq) {
        return publish(new ConversationEvent.MessagesRead(id(), conversationId, ++seq, Instant.now(), readerType,
                agentId, upToSeq));
    }

    public Scenario rejected(String commandId, SenderType issuer, String agentId, RejectionCode code) {
        return publish(new ConversationEvent.CommandRejected(id(), conversationId, null, Instant.now(), commandId, issuer,
                agentId, code, "Refused by the test"));
    }

    /** Started, queued, offered to {@code agentId}, assigned and ACTIVE: a connected chat. */
    public Scenario connectedWith(String agentId, String agentName) {
        started("Customer").queued();
        String offerId = offer(agentId, agentName, OfferKind.QUEUE);
        assigned(offerId, agentId, agentName);
        state(ConversationState.QUEUED, ConversationState.OFFERED, "OFFERED");
        state(ConversationState.OFFERED, ConversationState.CONNECTED, "ASSIGNED");
        return participant(agentId, agentName, null, ParticipantState.ACTIVE);
    }

    // Routing events.

    public String offer(String agentId, String agentName, OfferKind kind) {
        RoutingEvent.ChatOffered offer = offerEvent(agentId, agentName, kind);
        Kafka.publish(Topics.ROUTING_EVENTS, offer);
        return offer.offerId();
    }

    /** An offer to publish (again: Kafka may deliver a record twice). */
    public RoutingEvent.ChatOffered offerEvent(String agentId, String agentName, OfferKind kind) {
        return new RoutingEvent.ChatOffered(id(), Instant.now(), id(), conversationId, kind, agentId, agentName, queueId,
                "Support", "Customer", false, Instant.now().minusSeconds(5), Instant.now().plus(Duration.ofSeconds(30)), null,
                null, null);
    }

    public void assigned(String offerId, String agentId, String agentName) {
        Kafka.publish(Topics.ROUTING_EVENTS, new RoutingEvent.ChatAssigned(id(), Instant.now(), offerId, conversationId,
                OfferKind.QUEUE, agentId, agentName));
    }

    public void withdrawn(String offerId, String agentId, WithdrawReason reason) {
        Kafka.publish(Topics.ROUTING_EVENTS, new RoutingEvent.OfferWithdrawn(id(), Instant.now(), offerId, conversationId,
                OfferKind.QUEUE, agentId, reason));
    }

    public void waitingNotice(int waitedSeconds, String text) {
        Kafka.publish(Topics.ROUTING_EVENTS, new RoutingEvent.WaitingNoticeIssued(id(), Instant.now(), conversationId,
                queueId, waitedSeconds, text));
    }

    public void queuePosition(int position) {
        queuePosition(position, null);
    }

    public void queuePosition(int position, Integer estimatedWaitSeconds) {
        Kafka.publish(Topics.ROUTING_EVENTS, new RoutingEvent.QueuePositionChanged(id(), Instant.now(), conversationId,
                queueId, position, estimatedWaitSeconds));
    }

    public static void routingRejected(String commandId, String agentId, RejectionCode code) {
        Kafka.publish(Topics.ROUTING_EVENTS, new RoutingEvent.RoutingCommandRejected(id(), Instant.now(), commandId,
                agentId, null, code, "Refused by routing"));
    }

    /** Any event, as the conversation service would publish it (the caller numbers it with {@link #nextSeq()}). */
    public Scenario publish(ConversationEvent event) {
        Kafka.publish(Topics.CONVERSATION_EVENTS, event);
        return this;
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
