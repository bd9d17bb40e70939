package com.livechat.routing.support;

import com.livechat.testsupport.contract.ContractWatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads every record published on a topic from the moment it starts, in the background, and keeps them for
 * assertions in the order each partition delivered them. Records with an id already seen (a redelivery, possible
 * with at-least-once publishing) are kept once. Every record of a topic the Kafka contract describes is checked
 * against it, and reading them fails on the first that breaks it.
 */
public final class TopicRecorder<T> implements AutoCloseable {

    private final KafkaConsumer<String, T> consumer;
    private final Function<T, String> idOf;
    private final List<T> received = new CopyOnWriteArrayList<>();
    private final Set<String> seenIds = ConcurrentHashMap.newKeySet();
    private final ContractWatch contract = new ContractWatch();
    private final Thread poller;
    private volatile boolean running = true;

    /** @param idOf the record's unique id, or null to keep every record */
    public TopicRecorder(String bootstrapServers, String topic, Deserializer<T> deserializer, Function<T, String> idOf) {
        this.idOf = idOf;
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"),
                new StringDeserializer(), (Deserializer<T>) (name, data) -> {
                    contract.check(name, data == null ? null : new String(data, StandardCharsets.UTF_8));
                    return deserializer.deserialize(name, data);
                });
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: resolve the positions now, so nothing published from here on is missed.
        partitions.forEach(consumer::position);
        poller = new Thread(this::poll, "recorder-" + topic);
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (running) {
            for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(100))) {
                T value = record.value();
                if (value != null && (idOf == null || seenIds.add(idOf.apply(value)))) {
                    received.add(value);
                }
            }
        }
        consumer.close();
    }

    public <R extends T> List<R> records(Class<R> type, Predicate<? super R> filter) {
        contract.assertNone();
        List<R> matching = new ArrayList<>();
        for (T record : received) {
            if (type.isInstance(record) && filter.test(type.cast(record))) {
                matching.add(type.cast(record));
            }
        }
        return matching;
    }

    /** Everything received so far, in arrival order. */
    public List<T> all() {
        contract.assertNone();
        return List.copyOf(received);
    }

    public int size() {
        return received.size();
    }

    public T get(int index) {
        return received.get(index);
    }

    @Override
    public void close() {
        running = false;
        try {
            poller.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
