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
 * The same for a chat's way to its first offer ({@link #startAt}): its start on the inbound and command topics, its
 * {@code ConversationQueued} event and its first {@code ChatOffered} on the routing topic.
 */
final class HopTaps implements AutoCloseable {

    static final String INBOUND = "livechat.inbound";
    static final String COMMANDS = "livechat.conversation.commands";
    static final String EVENTS = "livechat.conversation.events";
    static final String ROUTING = "livechat.routing.events";

    private static final Map<String, String> OFFER_PATH_TYPES = Map.of(INBOUND, "StartConversation",
            COMMANDS, "StartConversation", EVENTS, "ConversationQueued", ROUTING, "ChatOffered");
    private static final Pattern CONVERSATION = Pattern.compile("\"conversationId\":\"([^\"]+)\"");

    private static final Pattern REF = Pattern.compile("ref-([a-z]+)");

    private final Map<String, Map<String, Long>> timestamps = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Long>> starts = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    HopTaps(String bootstrap) {
        consumer = KafkaTwoHop.consumer(bootstrap, "bench-taps-" + UUID.randomUUID(), INBOUND, COMMANDS, EVENTS,
                ROUTING);
        KafkaTwoHop.awaitAssignment(consumer);
        for (String topic : new String[] {INBOUND, COMMANDS, EVENTS, ROUTING}) {
            timestamps.put(topic, new ConcurrentHashMap<>());
            starts.put(topic, new ConcurrentHashMap<>());
        }
        thread = new Thread(this::poll, "bench-hop-taps");
        thread.setDaemon(true);
        thread.start();
    }

    /** Epoch milliseconds at which the message {@code ref} was written to {@code topic}, or null. */
    Long at(String topic, String ref) {
        return timestamps.get(topic).get(ref);
    }

    /**
     * Epoch milliseconds at which the chat {@code conversationId} was first on {@code topic} on its way to an offer
     * (see {@link #OFFER_PATH_TYPES}), or null.
     */
    Long startAt(String topic, String conversationId) {
        return starts.get(topic).get(conversationId);
    }

    private void poll() {
        while (running) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                String value = record.value();
                if (value == null) {
                    continue;
                }
                noteOfferPath(record, value);
                if (!value.contains("\"text\"")) {
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

    private void noteOfferPath(ConsumerRecord<String, String> record, String value) {
        if (value.contains("\"type\":\"" + OFFER_PATH_TYPES.get(record.topic()) + "\"")) {
            Matcher matcher = CONVERSATION.matcher(value);
            if (matcher.find()) {
                starts.get(record.topic()).putIfAbsent(matcher.group(1), record.timestamp());
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
