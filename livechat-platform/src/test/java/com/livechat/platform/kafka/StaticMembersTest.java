package com.livechat.platform.kafka;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaticMembersTest {

    private static Map<String, Object> consumer(String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put("group.id", "conversation-service");
        config.put("client.id", clientId);
        config.put("value.deserializer", "com.livechat.platform.kafka.ConversationCommandDeserializer");
        return config;
    }

    @Test
    void aNamedInstanceGivesEachConsumerItsOwnStableId() {
        Optional<String> first = StaticMembers.groupInstanceId(Optional.of("conversation-service"),
                consumer("kafka-consumer-conversation-commands$1"));
        Optional<String> second = StaticMembers.groupInstanceId(Optional.of("conversation-service"),
                consumer("kafka-consumer-conversation-commands$2"));
        assertEquals(Optional.of("conversation-service.kafka-consumer-conversation-commands_1"), first);
        assertNotEquals(first, second);
        assertEquals(first, StaticMembers.groupInstanceId(Optional.of("conversation-service"),
                consumer("kafka-consumer-conversation-commands$1")), "the same after a restart");
    }

    @Test
    void twoInstancesOfAServiceNeverShareAnId() {
        assertNotEquals(StaticMembers.groupInstanceId(Optional.of("agent-gateway"), consumer("kafka-consumer-typing")),
                StaticMembers.groupInstanceId(Optional.of("agent-gateway-2"), consumer("kafka-consumer-typing")));
    }

    @Test
    void withoutAnInstanceNameMembershipStaysDynamic() {
        assertEquals(Optional.empty(), StaticMembers.groupInstanceId(Optional.empty(), consumer("c")));
        assertEquals(Optional.empty(), StaticMembers.groupInstanceId(Optional.of(" "), consumer("c")));
    }

    @Test
    void producersAdminClientsAndGivenIdsAreLeftAlone() {
        Map<String, Object> producer = new HashMap<>(Map.of("client.id", "kafka-producer-x",
                "value.serializer", "org.apache.kafka.common.serialization.StringSerializer"));
        assertEquals(Optional.empty(), StaticMembers.groupInstanceId(Optional.of("routing-service"), producer));
        Map<String, Object> admin = new HashMap<>(Map.of("client.id", "admin", "group.id", "g"));
        assertEquals(Optional.empty(), StaticMembers.groupInstanceId(Optional.of("routing-service"), admin));
        Map<String, Object> given = consumer("c");
        given.put("group.instance.id", "chosen");
        assertEquals(Optional.empty(), StaticMembers.groupInstanceId(Optional.of("routing-service"), given));
    }

    @Test
    void theIdKeepsToWhatKafkaAccepts() {
        String id = StaticMembers.groupInstanceId(Optional.of("host name/1"), consumer("x".repeat(300) + "$3"))
                .orElseThrow();
        assertTrue(id.matches("[a-zA-Z0-9._-]{1,249}"), id);
        assertTrue(id.endsWith("_3"), "the end, which tells the consumers apart, is kept: " + id);
    }

    @Test
    void aStaticMemberKeepsItsPlaceForTwentySecondsADynamicOneForWhatIsConfigured() {
        Map<String, Object> configured = consumer("kafka-consumer-routing-events");
        configured.put("session.timeout.ms", "6000");
        Map<String, Object> settings = StaticMembers.staticSettings(Optional.of("agent-gateway"), configured);
        assertEquals(Map.of("group.instance.id", "agent-gateway.kafka-consumer-routing-events",
                "session.timeout.ms", 20_000), settings);
        assertEquals(Map.of(), StaticMembers.staticSettings(Optional.empty(), configured),
                "a dynamic member keeps its 6 s: nothing is added");
    }

    @Test
    void aLongerConfiguredSessionIsKept() {
        Map<String, Object> configured = consumer("c");
        configured.put("session.timeout.ms", 45_000);
        assertEquals(45_000, StaticMembers.staticSettings(Optional.of("routing-service"), configured)
                .get("session.timeout.ms"));
        assertEquals(20_000, StaticMembers.staticSettings(Optional.of("routing-service"), consumer("c"))
                .get("session.timeout.ms"), "none configured: the static default");
    }
}
