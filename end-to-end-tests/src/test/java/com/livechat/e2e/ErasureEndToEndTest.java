package com.livechat.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.contracts.events.Topics;
import com.livechat.e2e.support.AgentSession;
import com.livechat.e2e.support.CustomerSession;
import com.livechat.e2e.support.E2eKafka;
import com.livechat.e2e.support.E2eStack;
import com.livechat.e2e.support.Fixtures;
import com.livechat.testsupport.TextScan;
import com.livechat.testsupport.stack.Http;
import com.livechat.testsupport.stack.LivechatService;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Erasure on request on the real stack (issue 17, docs/privacy.md): a chat with a name, an e-mail, a phone and
 * message texts; an administrator erases it through the gateway; then no table of any of the four services holds any
 * of the customer's original strings, and a fresh consumer replaying every topic from the start finds them only on
 * topics whose documented retention removes them (never on the compacted reference data, nor in the erasure event).
 */
class ErasureEndToEndTest {

    @BeforeAll
    static void startSystem() {
        E2eStack.get();
    }

    @Test
    void aCustomersDataIsErasedFromEveryServiceAndOnlyRetentionBoundTopicsStillHoldIt() throws Exception {
        String queue = Fixtures.queue("Erasure", 30);
        String tag = UUID.randomUUID().toString().replaceAll("[0-9-]", "").substring(0, 6);
        String name = "Zoltan Erasmus" + tag;
        String email = "zoltan." + tag + "@example.org";
        String customerText = "My parcel code is " + tag + "ParcelCode, please help";
        String agentText = "I found parcel " + tag + "AgentReply for you";
        String[] originals = {name, email, customerText, agentText};
        String conversationId;
        try (AgentSession agent = AgentSession.login(E2eStack.gateway(0), Fixtures.agent("Erasure Agent", queue))
                .available();
                CustomerSession customer = CustomerSession.start(E2eStack.gateway(1), queue, name, email,
                        "+33 6 12 34 56 78")) {
            conversationId = customer.conversationId();
            agent.takeChat(conversationId);
            customer.sendSeenBy(agent, customerText);
            agent.send(conversationId, agentText).expect(202);
            customer.awaitMessage(agentText);

            // Not before the end: the chat is live.
            Http.post(E2eStack.gateway(0) + "/api/admin/erasures", Fixtures.adminToken(),
                    Map.of("conversationId", conversationId)).expect(409);

            customer.end().expect(202);
            agent.end(conversationId).expect(202);
            agent.wrapUp(conversationId, "RESOLVED").expect(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(Fixtures.storedState(conversationId)));
        }
        for (LivechatService service : List.of(LivechatService.CONVERSATION, LivechatService.GATEWAY,
                LivechatService.ROUTING)) {
            assertFalse(scan(service, name).isEmpty(), service + " holds the customer's name before the erasure");
        }

        JsonNode erasure = Http.post(E2eStack.gateway(0) + "/api/admin/erasures", Fixtures.adminToken(),
                Map.of("conversationId", conversationId)).expect(202).body();
        String erasureId = erasure.path("erasureId").asText();
        assertEquals("admin", erasure.path("requestedBy").asText());
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(Http.get(E2eStack.gateway(1)
                + "/api/admin/erasures/" + erasureId, Fixtures.adminToken()).expect(200).body().path("status")
                .asText()));
        await().atMost(Duration.ofSeconds(60)).until(() -> scanAll(originals).isEmpty());
        assertEquals(List.of(), scanAll(originals), "original data left in a table");

        // Replay every topic from the start with a fresh consumer.
        Map<String, List<String>> found = replay(originals);
        String erasedEvent = "\"type\":\"CustomerDataErased\"";
        assertTrue(found.getOrDefault(Topics.CONVERSATION_EVENTS, List.of()).stream().noneMatch(r -> r.contains(
                erasedEvent)), "the erasure event holds none of the customer's data");
        for (Map.Entry<String, List<String>> topic : found.entrySet()) {
            Topics.TopicSpec spec = Topics.ALL.stream().filter(s -> s.name().equals(topic.getKey())).findFirst()
                    .orElseThrow();
            assertTrue(spec.config().containsKey("retention.ms") && Long.parseLong(spec.config().get("retention.ms"))
                    <= Topics.EVENT_RETENTION.toMillis(), topic.getKey() + " keeps the customer's data beyond the "
                    + "documented retention: " + topic.getValue());
        }
        assertFalse(found.containsKey(Topics.REFERENCE_DATA), "the compacted topic holds customer data");
        // The unmasked commands are on livechat.inbound, kept 1 hour; the masked copies 7 days (docs/privacy.md).
        assertTrue(found.containsKey(Topics.INBOUND), "the oracle sees the data on the inbound topic: " + found);
        assertTrue(replayCount(erasedEvent, conversationId) >= 1, "CustomerDataErased is on the contract's topic");
    }

    private static List<String> scan(LivechatService service, String... needles) throws Exception {
        try (Connection db = E2eStack.database(service)) {
            return TextScan.occurrences(db, needles);
        }
    }

    private static List<String> scanAll(String... needles) throws Exception {
        List<String> found = new ArrayList<>();
        for (LivechatService service : LivechatService.values()) {
            scan(service, needles).forEach(hit -> found.add(service + " " + hit));
        }
        return found;
    }

    /** Every record of every topic, from the start, that holds one of {@code needles}, per topic. */
    private static Map<String, List<String>> replay(String... needles) {
        Map<String, List<String>> found = new HashMap<>();
        for (ConsumerRecord<String, String> record : allRecords()) {
            String value = record.value() == null ? "" : record.value().toLowerCase(Locale.ROOT);
            for (String needle : needles) {
                if (value.contains(needle.toLowerCase(Locale.ROOT))) {
                    found.computeIfAbsent(record.topic(), t -> new ArrayList<>()).add(record.value());
                    break;
                }
            }
        }
        return found;
    }

    private static long replayCount(String fragment, String conversationId) {
        return allRecords().stream().filter(r -> r.value() != null && r.value().contains(fragment)
                && r.value().contains(conversationId)).count();
    }

    private static List<ConsumerRecord<String, String>> allRecords() {
        Properties config = new Properties();
        config.putAll(E2eKafka.admin().clientConfig());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Topics.TopicSpec spec : Topics.ALL) {
                for (int p = 0; p < spec.partitions(); p++) {
                    partitions.add(new TopicPartition(spec.name(), p));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            assertTrue(partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p)),
                    "every topic was replayed to its end");
        }
        return records;
    }
}
