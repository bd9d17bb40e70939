package com.livechat.routing.support;

import com.livechat.shared.events.RoutingEvent;
import com.livechat.shared.events.Topics;
import com.livechat.shared.events.serde.RoutingEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Reads every routing event published from the moment it starts, in the background, and keeps them (with the time
 * each was received) for assertions. Duplicates (same event id, possible with at-least-once delivery) are kept once.
 */
public final class RoutingEventRecorder implements AutoCloseable {

    private final KafkaConsumer<String, RoutingEvent> consumer;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> seenIds = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    /** A routing event with the instant this test saw it. */
    public record Received(RoutingEvent event, long receivedAtNanos) {
    }

    public RoutingEventRecorder(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"),
                new StringDeserializer(), new RoutingEventDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ROUTING_EVENTS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: resolve the positions now, so nothing published from here on is missed.
        partitions.forEach(consumer::position);
        poller = new Thread(this::poll, "routing-event-recorder");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (running) {
            for (ConsumerRecord<String, RoutingEvent> record : consumer.poll(Duration.ofMillis(100))) {
                RoutingEvent event = record.value();
                if (event != null && seenIds.putIfAbsent(event.eventId(), true) == null) {
                    received.add(new Received(event, System.nanoTime()));
                }
            }
        }
        consumer.close();
    }

    public <T extends RoutingEvent> List<T> events(Class<T> type, Predicate<? super T> filter) {
        List<T> matching = new ArrayList<>();
        for (Received r : received) {
            if (type.isInstance(r.event()) && filter.test(type.cast(r.event()))) {
                matching.add(type.cast(r.event()));
            }
        }
        return matching;
    }

    public <T extends RoutingEvent> List<T> events(Class<T> type) {
        return events(type, event -> true);
    }

    public List<Received> received() {
        return List.copyOf(received);
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
