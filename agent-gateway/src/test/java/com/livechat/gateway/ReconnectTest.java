package com.livechat.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.gateway.support.Fixtures;
import com.livechat.gateway.support.Scenario;
import com.livechat.gateway.support.TestSocket;
import com.livechat.testsupport.auth.TestTokens;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A dropped agent socket loses nothing: after {@code resume} every missed message arrives once, in order. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class ReconnectTest {

    @TestHTTPResource("/")
    URI baseUri;

    @Test
    void fiftyMessagesSentWhileDisconnectedArriveOnceInOrder() {
        Fixtures.referenceData();
        String agentId = Scenario.unique("agent");
        String token = TestTokens.agent(agentId, "Alice");
        Scenario chat = Fixtures.connectedChat(agentId, "Alice");

        long lastSeen;
        try (TestSocket first = TestSocket.agent(baseUri, token)) {
            first.await("hello");
            chat.customerSays("before the drop");
            lastSeen = first.await("message", f -> f.path("text").asText().equals("before the drop")).path("seq").asLong();
        }

        // 25 messages while no socket is open; the client reconnects and resumes (its first frame) while the other
        // 25 are still being published, so replay and live delivery race.
        IntStream.rangeClosed(1, 25).forEach(i -> chat.customerSays("missed " + i));
        try (TestSocket second = TestSocket.agent(baseUri, token)) {
            second.send(Map.of("type", "resume", "correlationId", "r-1", "lastSeq", Map.of(chat.conversationId, lastSeen)));
            IntStream.rangeClosed(26, 50).forEach(i -> chat.customerSays("missed " + i));
            List<JsonNode> missed = second.awaitCount("message", f -> f.path("text").asText().startsWith("missed "), 50);
            second.await("resumed", f -> f.path("correlationId").asText().equals("r-1"));
            // Let any duplicate arrive before counting: a ping answered means everything queued before it was sent.
            second.send(Map.of("type", "ping", "correlationId", "drain"));
            second.await("pong", f -> f.path("correlationId").asText().equals("drain"));

            List<String> texts = second.frames("message").stream()
                    .filter(f -> f.path("text").asText().startsWith("missed ")).map(f -> f.path("text").asText()).toList();
            assertEquals(IntStream.rangeClosed(1, 50).mapToObj(i -> "missed " + i).toList(), texts);
            List<Long> seqs = second.frames().stream().filter(f -> f.has("seq")
                    && chat.conversationId.equals(f.path("conversationId").asText())).map(f -> f.path("seq").asLong()).toList();
            assertEquals(seqs.stream().distinct().sorted().toList(), seqs, "each seq once, ascending");
            assertEquals(50, missed.size());
        }
    }

    @Test
    void customerResumesToo() {
        Fixtures.referenceData();
        Scenario chat = Scenario.newConversation(Fixtures.QUEUE);
        String token = TestTokens.customer(chat.conversationId);
        chat.started("Jean").queued();
        IntStream.rangeClosed(1, 5).forEach(i -> chat.message(com.livechat.contracts.events.SenderType.AGENT, "a", "Alice",
                com.livechat.contracts.events.Audience.EVERYONE, "answer " + i));
        await().atMost(TestSocket.WAIT).until(() -> given().auth().oauth2(token)
                .get("/api/chats/" + chat.conversationId + "/messages").asString().contains("answer 5"));
        try (TestSocket socket = TestSocket.customer(baseUri, chat.conversationId, token)) {
            socket.await("hello");
            socket.send(Map.of("type", "resume", "lastSeq", Map.of(chat.conversationId, 0)));
            socket.await("resumed");
            assertEquals(List.of("answer 1", "answer 2", "answer 3", "answer 4", "answer 5"),
                    socket.frames("message").stream().map(f -> f.path("text").asText()).toList());
        }
    }
}
