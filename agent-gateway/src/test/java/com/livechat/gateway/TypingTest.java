package com.livechat.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.contracts.events.ConversationState;
import com.livechat.gateway.support.Fixtures;
import com.livechat.gateway.support.Scenario;
import com.livechat.gateway.support.TestSocket;
import com.livechat.testsupport.auth.TestTokens;
import com.livechat.gateway.socket.TypingThrottle;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Typing indicators through the real broker ({@code livechat.typing}): both ways, throttled, never answered, never
 * stored; a flood is dropped silently.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class TypingTest {

    @TestHTTPResource("/")
    URI baseUri;

    String agentId;

    @BeforeEach
    void agent() {
        Fixtures.referenceData();
        agentId = Scenario.unique("agent");
    }

    @Test
    void typingGoesBothWaysAndAFloodIsDroppedSilently() throws InterruptedException {
        Scenario chat = Fixtures.connectedChat(agentId, "Alice Martin");
        String conversationId = chat.conversationId;
        try (TestSocket agent = TestSocket.agent(baseUri, TestTokens.agent(agentId, "Alice Martin"));
                TestSocket customer = TestSocket.customer(baseUri, conversationId, TestTokens.customer(conversationId))) {
            agent.await("hello");
            customer.await("hello");

            // The typing consumer reads from the latest offset: until it has its partitions, a signal can pass it
            // by. Warm up: "typing" (again every 2 s) until one arrives, then "stopped".
            await().atMost(TestSocket.WAIT).pollInterval(Duration.ofMillis(2100)).until(() -> {
                customer.send(Map.of("type", "typing", "typing", true));
                return agent.find("typing", f -> f.path("conversationId").asText().equals(conversationId)) != null;
            });
            customer.send(Map.of("type", "typing", "typing", false));
            agent.await("typing", f -> !f.path("typing").asBoolean());
            int before = agent.frames("typing").size();

            // A flood, once the 2 s since the last "typing" that went on are over: one "typing" and its repeats
            // (dropped), then "stopped" twice (the second dropped).
            Thread.sleep(TypingThrottle.START_INTERVAL.toMillis() + 100);
            for (int i = 0; i < 6; i++) {
                customer.send(Map.of("type", "typing", "typing", true));
            }
            customer.send(Map.of("type", "typing", "typing", false));
            customer.send(Map.of("type", "typing", "typing", false));
            agent.awaitCount("typing", f -> !f.path("typing").asBoolean(), 2);
            List<JsonNode> flood = agent.frames("typing").subList(before, agent.frames("typing").size());
            assertEquals(List.of(true, false), flood.stream().map(f -> f.path("typing").asBoolean()).toList(),
                    "one typing, one stopped: the repeats were dropped");
            assertTrue(customer.frames("error").isEmpty(), "typing is never answered, a flood neither");

            // The agent types: the customer sees it, with no agent id.
            agent.send(Map.of("type", "typing", "conversationId", conversationId, "typing", true));
            JsonNode agentTyping = customer.await("typing");
            assertTrue(agentTyping.path("typing").asBoolean());
            assertTrue(agentTyping.path("agentId").isMissingNode());

            // An agent typing in a conversation they are not in: dropped, not answered.
            agent.send(Map.of("type", "typing", "conversationId", "not-mine", "typing", true));
            // A frame without a boolean "typing" is a bad frame.
            agent.send(Map.of("type", "typing", "conversationId", conversationId, "typing", "yes",
                    "correlationId", "t-1"));
            JsonNode error = agent.await("error", f -> f.path("correlationId").asText().equals("t-1"));
            assertEquals("INVALID_FRAME", error.path("code").asText());
            agent.send(Map.of("type", "typing", "typing", true, "correlationId", "t-2"));
            assertEquals("VALIDATION_FAILED", agent.await("error",
                    f -> f.path("correlationId").asText().equals("t-2")).path("code").asText());
            assertEquals(2, agent.frames("error").size());

            agent.assertFramesMatchTheirSchemas();
            customer.assertFramesMatchTheirSchemas();
        }
        // Never stored: no typing anywhere in the conversation's log (the transcript).
        chat.state(ConversationState.CONNECTED, ConversationState.CUSTOMER_ENDED, "CUSTOMER_ENDED");
        assertFalse(io.restassured.RestAssured.given().auth().oauth2(TestTokens.customer(conversationId))
                .get("/api/chats/" + conversationId + "/messages").asString().contains("typing"));
    }
}
