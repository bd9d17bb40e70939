package com.livechat.gateway.support;

import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.LivechatRecord;
import com.livechat.contracts.events.RoutingCommand;
import com.livechat.contracts.events.Topics;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Plays the other services in tests: produces their events on the real broker, and reads the commands the gateway
 * writes to {@code livechat.inbound} and {@code livechat.routing.commands}.
 */
public final class Kafka {

    /** A command as read from the broker, with its key. */
    public record Sent<T>(String key, T command) {
    }

    private static KafkaProducer<String, Object> producer;
    private static final List<Sent<ConversationCommand>> CONVERSATION_COMMANDS = new CopyOnWriteArrayList<>();
    private static final List<Sent<RoutingCommand>> ROUTING_COMMANDS = new CopyOnWriteArrayList<>();
    /** Every record the gateway produced, checked against the Kafka contract as it is read. */
    private static final ContractWatch CONTRACT = new ContractWatch();
    private static boolean reading;

    private Kafka() {
    }

    public static synchronized void publish(String topic, LivechatRecord record) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new JsonRecordSerializer());
        }
        try {
            producer.send(new ProducerRecord<>(topic, record.key(), record)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + record, e);
        }
    }

    /** Publishes without waiting for each acknowledgement (for benchmarks), then waits for all of them. */
    public static synchronized void publishAll(String topic, List<? extends LivechatRecord> records) {
        publish(topic, records.get(0));
        records.subList(1, records.size()).forEach(record -> producer.send(new ProducerRecord<>(topic, record.key(), record)));
        producer.flush();
    }

    /** Publishes raw bytes (a poison record). */
    public static void publishRaw(String topic, String key, String value) {
        try (KafkaProducer<String, String> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedKafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            raw.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T extends ConversationCommand> Sent<T> awaitConversationCommand(Class<T> type, Predicate<T> condition) {
        startReading();
        return await().atMost(Duration.ofSeconds(30)).until(() -> checked(CONVERSATION_COMMANDS).stream()
                .filter(sent -> type.isInstance(sent.command()) && condition.test(type.cast(sent.command())))
                .map(sent -> new Sent<>(sent.key(), type.cast(sent.command()))).findFirst().orElse(null),
                found -> found != null);
    }

    public static <T extends RoutingCommand> Sent<T> awaitRoutingCommand(Class<T> type, Predicate<T> condition) {
        startReading();
        return await().atMost(Duration.ofSeconds(30)).until(() -> checked(ROUTING_COMMANDS).stream()
                .filter(sent -> type.isInstance(sent.command()) && condition.test(type.cast(sent.command())))
                .map(sent -> new Sent<>(sent.key(), type.cast(sent.command()))).findFirst().orElse(null),
                found -> found != null);
    }

    public static List<Sent<ConversationCommand>> conversationCommands() {
        startReading();
        return List.copyOf(checked(CONVERSATION_COMMANDS));
    }

    /** {@code commands}, once every record the gateway produced so far is known to match the Kafka contract. */
    private static <T> List<T> checked(List<T> commands) {
        CONTRACT.assertNone();
        return commands;
    }

    private static synchronized void startReading() {
        if (reading) {
            return;
        }
        reading = true;
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "gateway-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.INBOUND, Topics.ROUTING_COMMANDS));
        Thread thread = new Thread(() -> {
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    CONTRACT.check(record.topic(), record.value());
                    if (Topics.INBOUND.equals(record.topic())) {
                        CONVERSATION_COMMANDS.add(new Sent<>(record.key(), EventJson.read(record.value(), ConversationCommand.class)));
                    } else {
                        ROUTING_COMMANDS.add(new Sent<>(record.key(), EventJson.read(record.value(), RoutingCommand.class)));
                    }
                }
            }
        }, "gateway-test-command-reader");
        thread.setDaemon(true);
        thread.start();
    }
}
