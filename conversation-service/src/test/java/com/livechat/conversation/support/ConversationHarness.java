package com.livechat.conversation.support;

import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.Customer;
import com.livechat.contracts.events.LivechatRecord;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ReferenceData;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.SenderType;
import com.livechat.contracts.events.Topics;
import com.livechat.contracts.events.TransferTargetType;
import com.livechat.contracts.events.WithdrawReason;
import com.livechat.contracts.json.EventJson;
import com.livechat.platform.kafka.JsonRecordSerializer;
import com.livechat.testsupport.EmbeddedKafka;
import com.livechat.testsupport.contract.ContractWatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import com.livechat.contracts.events.LivechatHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Drives the running service the way the rest of the system does: produces conversation commands (as the masking
 * service would) and routing events (as routing would) to the real broker, and reads everything the service
 * publishes on {@link Topics#CONVERSATION_EVENTS} and {@link Topics#REFERENCE_DATA}.
 */
public final class ConversationHarness {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static ConversationHarness instance;

    private final KafkaProducer<String, Object> producer;
    private final Map<String, List<ConversationEvent>> eventsByConversation = new ConcurrentHashMap<>();
    private final List<ReferenceData> referenceData = new CopyOnWriteArrayList<>();
    /** Every event and reference-data record the service published, checked against the Kafka contract. */
    private final ContractWatch contract = new ContractWatch();

    private ConversationHarness(String bootstrapServers) {
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, JsonRecordSerializer.class.getName());
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producer = new KafkaProducer<>(producerConfig);
        Thread reader = new Thread(() -> readForever(bootstrapServers), "conversation-events-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static synchronized ConversationHarness get() {
        if (instance == null) {
            instance = new ConversationHarness(EmbeddedKafka.bootstrapServers());
        }
        return instance;
    }

    private void readForever(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "conversation-test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.CONVERSATION_EVENTS, Topics.REFERENCE_DATA));
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.value() == null) {
                        continue;
                    }
                    contract.check(record.topic(), record.value());
                    if (record.topic().equals(Topics.REFERENCE_DATA)) {
                        referenceData.add(EventJson.read(record.value(), ReferenceData.class));
                    } else {
                        ConversationEvent event = EventJson.read(record.value(), ConversationEvent.class);
                        eventsByConversation.computeIfAbsent(event.conversationId(), id -> new CopyOnWriteArrayList<>())
                                .add(event);
                    }
                }
            }
        }
    }

    // ---- producing ----------------------------------------------------------------------------------------------

    public void send(ConversationCommand command) {
        produce(Topics.CONVERSATION_COMMANDS, command);
    }

    public void send(RoutingEvent event) {
        produce(Topics.ROUTING_EVENTS, event);
    }

    /** Sends a command as the masking service does while an administrator has turned PCI masking off. */
    public void sendWithPciMaskingOff(ConversationCommand command) {
        ProducerRecord<String, Object> record = new ProducerRecord<>(Topics.CONVERSATION_COMMANDS, command.key(), command);
        record.headers().add(LivechatHeaders.PCI_MASKING, LivechatHeaders.OFF.getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not produce to " + Topics.CONVERSATION_COMMANDS, e);
        }
    }

    /**
     * Sends {@code records} to partition 0 of {@code topic} in one Kafka transaction. The service reads these topics
     * {@code read_committed} in tests, so it sees them all at the commit, together: one poll, so one batch of its
     * consumer (a different conversation's record on the same partition is fine: only the order within it counts).
     */
    public synchronized void sendInOnePoll(String topic, List<? extends LivechatRecord> records) {
        for (int attempt = 1; ; attempt++) {
            try {
                sendInOneTransaction(topic, records);
                return;
            } catch (KafkaException e) {
                // A failed transaction is aborted and the service reads committed records only: nothing of it
                // arrives, so sending the whole batch again is safe. On a loaded CI machine the broker once refused
                // a commit with INVALID_TXN_STATE; that is Kafka's race to lose, not what these tests are about.
                if (attempt == 3) {
                    throw e;
                }
                System.err.println("Transactional send failed (" + e + "); again with a new producer");
            }
        }
    }

    /**
     * One producer, with a transactional id of its own, per transaction: a reused producer's next transaction can
     * race the markers of its previous one (transactions v2), and a producer that lost such a race stays in error.
     */
    private static void sendInOneTransaction(String topic, List<? extends LivechatRecord> records) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, JsonRecordSerializer.class.getName());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "conversation-test-" + UUID.randomUUID());
        try (KafkaProducer<String, Object> transactional = new KafkaProducer<>(config)) {
            transactional.initTransactions();
            transactional.beginTransaction();
            for (LivechatRecord record : records) {
                transactional.send(new ProducerRecord<>(topic, 0, record.key(), record));
            }
            transactional.commitTransaction();
        }
    }

    /** Sends any value as JSON, for records the service cannot read. */
    public void sendRaw(String topic, String key, Object value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not produce to " + topic, e);
        }
    }

    private void produce(String topic, LivechatRecord record) {
        try {
            producer.send(new ProducerRecord<>(topic, record.key(), record)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not produce to " + topic, e);
        }
    }

    // ---- commands, as the masking service forwards them ---------------------------------------------------------

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public ConversationCommand.StartConversation start(String conversationId, String queueId) {
        ConversationCommand.StartConversation start = new ConversationCommand.StartConversation(newId(),
                conversationId, Instant.now(), queueId, "Queue " + queueId,
                new Customer("Melissa", "m******@gmail.com", null), Map.of("orderId", "A-42"), false);
        send(start);
        awaitEvent(conversationId, ConversationEvent.ConversationQueued.class, e -> true);
        return start;
    }

    public ConversationCommand.PostMessage customerSays(String conversationId, String clientMessageId, String text) {
        ConversationCommand.PostMessage post = new ConversationCommand.PostMessage(newId(), conversationId,
                Instant.now(), clientMessageId, SenderType.CUSTOMER, null, text);
        send(post);
        return post;
    }

    public ConversationCommand.PostMessage agentSays(String conversationId, String agentId, String clientMessageId,
            String text) {
        ConversationCommand.PostMessage post = new ConversationCommand.PostMessage(newId(), conversationId,
                Instant.now(), clientMessageId, SenderType.AGENT, agentId, text);
        send(post);
        return post;
    }

    public ConversationCommand.EndByCustomer customerEnds(String conversationId) {
        ConversationCommand.EndByCustomer end = new ConversationCommand.EndByCustomer(newId(), conversationId,
                Instant.now());
        send(end);
        return end;
    }

    public ConversationCommand.EndByAgent agentEnds(String conversationId, String agentId) {
        ConversationCommand.EndByAgent end = new ConversationCommand.EndByAgent(newId(), conversationId,
                Instant.now(), agentId);
        send(end);
        return end;
    }

    public ConversationCommand.SubmitWrapUp wrapUp(String conversationId, String agentId, String reasonCode,
            String note) {
        ConversationCommand.SubmitWrapUp wrapUp = new ConversationCommand.SubmitWrapUp(newId(), conversationId,
                Instant.now(), agentId, reasonCode, note);
        send(wrapUp);
        return wrapUp;
    }

    public ConversationCommand.RequestTransfer transfer(String conversationId, String agentId,
            TransferTargetType type, String targetId, String targetName) {
        ConversationCommand.RequestTransfer transfer = new ConversationCommand.RequestTransfer(newId(),
                conversationId, Instant.now(), agentId, type, targetId, targetName);
        send(transfer);
        return transfer;
    }

    public ConversationCommand.RequestConference invite(String conversationId, String agentId, String inviteeId) {
        ConversationCommand.RequestConference invite = new ConversationCommand.RequestConference(newId(),
                conversationId, Instant.now(), agentId, inviteeId, "Agent " + inviteeId);
        send(invite);
        return invite;
    }

    public ConversationCommand.EndConference endConference(String conversationId, String agentId) {
        ConversationCommand.EndConference end = new ConversationCommand.EndConference(newId(), conversationId,
                Instant.now(), agentId);
        send(end);
        return end;
    }

    // ---- routing events, as routing publishes them --------------------------------------------------------------

    public RoutingEvent.ChatOffered offer(String conversationId, String agentId, OfferKind kind, String requestedBy) {
        return offer(conversationId, agentId, kind, requestedBy, null, null);
    }

    /** An offer from a queue with its own customer-inactivity settings (null: the service's defaults). */
    public RoutingEvent.ChatOffered offer(String conversationId, String agentId, OfferKind kind, String requestedBy,
            Integer inactivityWarningSeconds, Integer inactivityGraceSeconds) {
        RoutingEvent.ChatOffered offered = new RoutingEvent.ChatOffered(newId(), Instant.now(), newId(),
                conversationId, kind, agentId, "Agent " + agentId, "q", "Queue q", "Melissa", false, Instant.now(),
                Instant.now().plusSeconds(30), requestedBy, inactivityWarningSeconds, inactivityGraceSeconds);
        send(offered);
        return offered;
    }

    public RoutingEvent.ChatAssigned accept(RoutingEvent.ChatOffered offered) {
        RoutingEvent.ChatAssigned assigned = new RoutingEvent.ChatAssigned(newId(), Instant.now(), offered.offerId(),
                offered.conversationId(), offered.kind(), offered.agentId(), offered.agentName());
        send(assigned);
        return assigned;
    }

    public RoutingEvent.OfferWithdrawn withdraw(RoutingEvent.ChatOffered offered, WithdrawReason reason) {
        RoutingEvent.OfferWithdrawn withdrawn = new RoutingEvent.OfferWithdrawn(newId(), Instant.now(),
                offered.offerId(), offered.conversationId(), offered.kind(), offered.agentId(), reason);
        send(withdrawn);
        return withdrawn;
    }

    /** Offers the chat to the agent, who accepts: the conversation is CONNECTED. */
    public void connect(String conversationId, String agentId) {
        accept(offer(conversationId, agentId, OfferKind.QUEUE, null));
        awaitState(conversationId, ConversationState.CONNECTED);
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    public List<ConversationEvent> events(String conversationId) {
        contract.assertNone();
        return new ArrayList<>(eventsByConversation.getOrDefault(conversationId, List.of()));
    }

    public <T extends ConversationEvent> List<T> events(String conversationId, Class<T> type) {
        return events(conversationId).stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends ConversationEvent> T awaitEvent(String conversationId, Class<T> type, Predicate<T> match) {
        return await().atMost(TIMEOUT).until(() -> events(conversationId, type).stream().filter(match).findFirst(),
                found -> found.isPresent()).orElseThrow();
    }

    public ConversationEvent.CommandRejected awaitRejection(ConversationCommand command) {
        return awaitEvent(command.conversationId(), ConversationEvent.CommandRejected.class,
                rejected -> rejected.commandId().equals(command.commandId()));
    }

    public ConversationEvent.MessagePosted awaitMessage(String conversationId, String messageId) {
        return awaitEvent(conversationId, ConversationEvent.MessagePosted.class,
                posted -> posted.messageId().equals(messageId));
    }

    public ConversationEvent.MessagePosted awaitSystemMessage(String conversationId, String text) {
        return awaitEvent(conversationId, ConversationEvent.MessagePosted.class,
                posted -> posted.senderType() == SenderType.SYSTEM && posted.text().equals(text));
    }

    /** Waits until the latest state change of the conversation leads to {@code state}. */
    public void awaitState(String conversationId, ConversationState state) {
        await().atMost(TIMEOUT).until(() -> currentState(conversationId) == state);
    }

    public ConversationState currentState(String conversationId) {
        List<ConversationEvent.ConversationStateChanged> changes = events(conversationId,
                ConversationEvent.ConversationStateChanged.class);
        if (changes.isEmpty()) {
            return events(conversationId, ConversationEvent.ConversationQueued.class).isEmpty() ? null
                    : ConversationState.QUEUED;
        }
        return changes.stream().max((a, b) -> Long.compare(a.seq(), b.seq())).orElseThrow().to();
    }

    public List<ReferenceData> referenceData() {
        contract.assertNone();
        return new ArrayList<>(referenceData);
    }
}
