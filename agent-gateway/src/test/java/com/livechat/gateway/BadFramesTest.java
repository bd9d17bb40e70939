package com.livechat.gateway;

import com.livechat.gateway.support.Fixtures;
import com.livechat.gateway.support.LogCapture;
import com.livechat.gateway.support.Scenario;
import com.livechat.testsupport.MutableClock;
import com.livechat.gateway.support.TestSocket;
import com.livechat.testsupport.auth.TestTokens;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad frames and flooding get error frames; the connection and its conversations keep working. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class BadFramesTest {

    @TestHTTPResource("/")
    URI baseUri;

    @Inject
    MutableClock clock;

    @Test
    void badFramesGetErrorsAndTheConnectionLives() {
        Fixtures.referenceData();
        String agentId = Scenario.unique("agent");
        String token = TestTokens.agent(agentId, "Alice");
        Scenario chat = Fixtures.connectedChat(agentId, "Alice");

        try (TestSocket socket = TestSocket.agent(baseUri, token)) {
            socket.await("hello");
            socket.sendText("{not json");
            socket.await("error", f -> f.path("code").asText().equals("MALFORMED_JSON"));
            socket.send(Map.of("type", "teleport", "correlationId", "t-1"));
            assertEquals("UNKNOWN_TYPE", socket.await("error", f -> f.path("correlationId").asText().equals("t-1"))
                    .path("code").asText());
            socket.sendText("[1,2,3]");
            socket.await("error", f -> f.path("code").asText().equals("INVALID_FRAME"));
            socket.send(Map.of("type", "send", "correlationId", "big", "conversationId", chat.conversationId,
                    "clientMessageId", "m", "text", "x".repeat(20_000)));
            socket.await("error", f -> f.path("code").asText().equals("FRAME_TOO_LARGE"));
            socket.send(Map.of("type", "send", "correlationId", "long", "conversationId", chat.conversationId,
                    "clientMessageId", "m", "text", "x".repeat(1001)));
            socket.await("error", f -> f.path("correlationId").asText().equals("long")
                    && f.path("code").asText().equals("MESSAGE_TOO_LONG") && f.path("status").asInt() == 400);
            socket.send(Map.of("type", "send", "correlationId", "lt", "conversationId", chat.conversationId,
                    "clientMessageId", "m", "text", "a <b> tag"));
            socket.await("error", f -> f.path("correlationId").asText().equals("lt")
                    && f.path("code").asText().equals("RESERVED_CHARACTERS"));

            chat.customerSays("still delivered after bad frames");
            socket.await("message", f -> f.path("text").asText().equals("still delivered after bad frames"));
            assertTrue(socket.isOpen());
        }
    }

    @Test
    void floodingIsRateLimitedThenServedAgain() {
        Fixtures.referenceData();
        String agentId = Scenario.unique("agent");
        try (TestSocket socket = TestSocket.agent(baseUri, TestTokens.agent(agentId, "Alice"))) {
            socket.await("hello");
            for (int i = 0; i < 100; i++) {
                socket.send(Map.of("type", "ping", "correlationId", "flood-" + i));
            }
            socket.await("error", f -> f.path("code").asText().equals("RATE_LIMITED")
                    && f.path("correlationId").asText().startsWith("flood-"));
            socket.awaitCount("pong", f -> true, 20);
            assertTrue(socket.frames("pong").size() < 100, "some pings were refused");
            // 1.5 s on the gateway's clock: 15 tokens at 10 per second, without waiting for them.
            clock.advance(Duration.ofMillis(1500));
            socket.send(Map.of("type", "ping", "correlationId", "after"));
            socket.await("pong", f -> f.path("correlationId").asText().equals("after"));
            assertTrue(socket.isOpen());
        }
    }

    /** Over the transport limit (256 KiB): closed with 1009 and no ERROR or stack trace in the log (issue 17). */
    @Test
    void aMessageOverTheTransportLimitClosesWith1009AndLogsNoError() {
        String token = TestTokens.agent(Scenario.unique("agent"), "Alice");
        try (LogCapture log = LogCapture.onRootLogger(); TestSocket socket = TestSocket.agent(baseUri, token)) {
            socket.await("hello");
            socket.sendText("{\"type\":\"ping\",\"x\":\"" + "x".repeat(300 * 1024) + "\"}");
            assertEquals(1009, socket.awaitClosedByServer());
            given().get("/q/health/live").then().statusCode(200);
            assertEquals(List.of(), log.errorsOrStackTraces());
        }
    }

    /** Half of a UTF-16 pair is no text: refused like a control character, on the socket and over REST. */
    @Test
    void loneSurrogatesAreRefused() {
        Fixtures.referenceData();
        String agentId = Scenario.unique("agent");
        String token = TestTokens.agent(agentId, "Alice");
        Scenario chat = Fixtures.connectedChat(agentId, "Alice");
        try (TestSocket socket = TestSocket.agent(baseUri, token)) {
            socket.await("hello");
            socket.sendText("{\"type\":\"send\",\"correlationId\":\"half\",\"conversationId\":\"" + chat.conversationId
                    + "\",\"clientMessageId\":\"m-half\",\"text\":\"broken \\ud800 text\"}");
            assertEquals("INVALID_MESSAGE", socket.await("error", f -> f.path("correlationId").asText().equals("half"))
                    .path("code").asText());
        }
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"clientMessageId\":\"m-half\",\"text\":\"broken \\udc00 text\"}")
                .post("/api/conversations/" + chat.conversationId + "/messages")
                .then().statusCode(400).body("code", org.hamcrest.Matchers.equalTo("INVALID_MESSAGE"));
    }
}
