package com.livechat.testsupport.bench;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a message was on its way, from the topics it crosses: a consumer of its own group reads the inbound, masked
 * command and event topics and notes each bench message's record timestamp (the producer's clock: same machine).
 * With the send and arrival times this splits customer → agent into gateway, masking, conversation and gateway push.
 */
final class HopTaps implements AutoCloseable {

    static final String INBOUND = "livechat.inbound";
    static final String COMMANDS = "livechat.conversation.commands";
    static final String EVENTS = "livechat.conversation.events";

    private static final Pattern REF = Pattern.compile("ref-([a-z]+)");

    private final Map<String, Map<String, Long>> timestamps = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    HopTaps(String bootstrap) {
        consumer = KafkaTwoHop.consumer(bootstrap, "bench-taps-" + UUID.randomUUID(), INBOUND, COMMANDS, EVENTS);
        KafkaTwoHop.awaitAssignment(consumer);
        for (String topic : new String[] {INBOUND, COMMANDS, EVENTS}) {
            timestamps.put(topic, new ConcurrentHashMap<>());
        }
        thread = new Thread(this::poll, "bench-hop-taps");
        thread.setDaemon(true);
        thread.start();
    }

    /** Epoch milliseconds at which the message {@code ref} was written to {@code topic}, or null. */
    Long at(String topic, String ref) {
        return timestamps.get(topic).get(ref);
    }

    private void poll() {
        while (running) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                String value = record.value();
                if (value == null || !value.contains("\"text\"")) {
                    continue;
                }
                Matcher matcher = REF.matcher(value);
                if (matcher.find()) {
                    timestamps.get(record.topic()).putIfAbsent(matcher.group(1), record.timestamp());
                }
            }
        }
        consumer.close();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
