package com.livechat.routing.support;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.LivechatRecord;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.QueueReason;
import com.livechat.contracts.events.RoutingCommand;
import com.livechat.contracts.events.Topics;
import com.livechat.platform.kafka.JsonRecordSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Produces routing's inputs the way the gateway (commands) and the conversation service (events) do: JSON, keyed by
 * agent id and conversation id.
 */
public final class Inputs implements AutoCloseable {

    private final KafkaProducer<String, Object> producer;

    public Inputs(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "0"),
                new StringSerializer(), new JsonRecordSerializer());
    }

    public static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** Sends and waits for the broker's acknowledgement. */
    public void send(LivechatRecord record) {
        try {
            producer.send(toRecord(record)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not send " + record, e);
        }
    }

    /** Sends without waiting (for load); {@link #flush()} waits for everything sent. */
    public void sendAsync(LivechatRecord record) {
        producer.send(toRecord(record));
    }

    public void sendRaw(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void flush() {
        producer.flush();
    }

    private static ProducerRecord<String, Object> toRecord(LivechatRecord record) {
        String topic = record instanceof RoutingCommand ? Topics.ROUTING_COMMANDS : Topics.CONVERSATION_EVENTS;
        return new ProducerRecord<>(topic, record.key(), record);
    }

    // ---- records -----------------------------------------------------------------------------------------------

    public static RoutingCommand.ChangeAgentState state(String agentId, AgentState state) {
        return new RoutingCommand.ChangeAgentState(id("cmd"), agentId, Instant.now(), state, null, null);
    }

    public static RoutingCommand.ChangeAgentState idle(String agentId, String idleCode) {
        return new RoutingCommand.ChangeAgentState(id("cmd"), agentId, Instant.now(), AgentState.IDLE, idleCode, "Break");
    }

    public static RoutingCommand.AcceptOffer accept(String agentId, String offerId, String conversationId) {
        return new RoutingCommand.AcceptOffer(id("cmd"), agentId, Instant.now(), offerId, conversationId);
    }

    public static RoutingCommand.DeclineOffer decline(String agentId, String offerId, String conversationId) {
        return new RoutingCommand.DeclineOffer(id("cmd"), agentId, Instant.now(), offerId, conversationId);
    }

    public static ConversationEvent.ConversationQueued queued(String conversationId, String queueId, Instant waitingSince) {
        return new ConversationEvent.ConversationQueued(id("evt"), conversationId, 2L, Instant.now(), queueId,
                "Queue " + queueId, "Customer " + conversationId.substring(0, 8), false, waitingSince, QueueReason.NEW);
    }

    /** A message the customer left (the widget's message form): the maximum wait never ends it. */
    public static ConversationEvent.ConversationQueued leftMessage(String conversationId, String queueId,
            Instant waitingSince) {
        return new ConversationEvent.ConversationQueued(id("evt"), conversationId, 2L, Instant.now(), queueId,
                "Queue " + queueId, "Customer " + conversationId.substring(0, 8), false, waitingSince, QueueReason.NEW,
                true);
    }

    public static ConversationEvent.AgentOfferRequested direct(String conversationId, OfferKind kind, String agentId,
            String requestedBy, String queueId) {
        return new ConversationEvent.AgentOfferRequested(id("evt"), conversationId, 10L, Instant.now(), kind, agentId,
                requestedBy, queueId, "Queue " + queueId, "Jean Dupont", false, Instant.now().minusSeconds(60));
    }

    public static ConversationEvent.ParticipantStateChanged participation(String conversationId, String agentId,
            ParticipantState from, ParticipantState to) {
        return new ConversationEvent.ParticipantStateChanged(id("evt"), conversationId, 20L, Instant.now(), agentId,
                "Agent " + agentId, from, to, "test");
    }

    public static ConversationEvent.ConversationStateChanged conversation(String conversationId, ConversationState from,
            ConversationState to) {
        return new ConversationEvent.ConversationStateChanged(id("evt"), conversationId, 30L, Instant.now(), from, to,
                "test");
    }

    @Override
    public void close() {
        producer.close();
    }
}
