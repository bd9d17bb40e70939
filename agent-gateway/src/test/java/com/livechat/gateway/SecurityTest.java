package com.livechat.gateway;

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
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Nobody sees or touches what is not theirs: every refusal is a problem+json (or a refused upgrade) with no data. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class SecurityTest {

    static final String SECRET = "the secret customer problem";

    @TestHTTPResource("/")
    URI baseUri;

    static String owner;
    static Scenario chat;

    @BeforeEach
    void aConversationOfAnotherAgent() {
        if (chat != null) {
            return;
        }
        Fixtures.referenceData();
        owner = Scenario.unique("owner");
        chat = Scenario.newConversation(Fixtures.QUEUE).connectedWith(owner, "Owner");
        chat.customerSays(SECRET);
        String ownerToken = TestTokens.agent(owner, "Owner");
        await().atMost(TestSocket.WAIT).until(() -> given().auth().oauth2(ownerToken)
                .get("/api/conversations/" + chat.conversationId + "/events").asString().contains(SECRET));
    }

    @Test
    void noTokenExpiredOrForgedTokensAreRefusedWithProblemJson() {
        unauthorized(given().get("/api/agent/me").then());
        unauthorized(given().auth().oauth2(TestTokens.expiredAgent(owner)).get("/api/agent/me").then());
        unauthorized(given().auth().oauth2(TestTokens.forgedAgent(owner)).get("/api/agent/me").then());
        unauthorized(given().auth().oauth2("not-a-jwt").get("/api/conversations/" + chat.conversationId + "/events").then());
        unauthorized(given().auth().oauth2(TestTokens.forgedAgent(owner))
                .get("/api/conversations/" + chat.conversationId + "/events").then());
    }

    @Test
    void anotherAgentsConversationDoesNotExistForMe() {
        String intruder = TestTokens.agent(Scenario.unique("intruder"), "Intruder");
        String base = "/api/conversations/" + chat.conversationId;
        notFound(given().auth().oauth2(intruder).get(base).then());
        notFound(given().auth().oauth2(intruder).get(base + "/events").then());
        notFound(given().auth().oauth2(intruder).contentType("application/json")
                .body(Map.of("clientMessageId", "x", "text", "hello")).post(base + "/messages").then());
        notFound(given().auth().oauth2(intruder).post(base + "/end").then());
        notFound(given().auth().oauth2(intruder).contentType("application/json")
                .body(Map.of("targetType", "QUEUE", "targetId", Fixtures.QUEUE)).post(base + "/transfer").then());
        // The same answer as for a conversation that does not exist at all.
        notFound(given().auth().oauth2(intruder).get("/api/conversations/does-not-exist").then());
    }

    @Test
    void customerTokenWorksOnlyForItsConversation() {
        String otherCustomer = TestTokens.customer(Scenario.newConversation(Fixtures.QUEUE).conversationId);
        given().auth().oauth2(otherCustomer).get("/api/chats/" + chat.conversationId + "/messages").then()
                .statusCode(403).contentType("application/problem+json").body(not(containsString(SECRET)));
        given().auth().oauth2(otherCustomer).contentType("application/json")
                .body(Map.of("clientMessageId", "x", "text", "hi")).post("/api/chats/" + chat.conversationId + "/messages")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(otherCustomer).post("/api/chats/" + chat.conversationId + "/end").then().statusCode(403);
        // A customer token is no agent token.
        given().auth().oauth2(TestTokens.customer(chat.conversationId)).get("/api/conversations/" + chat.conversationId)
                .then().statusCode(403).contentType("application/problem+json").body(not(containsString(SECRET)));
        // Its own conversation is readable.
        given().auth().oauth2(TestTokens.customer(chat.conversationId)).get("/api/chats/" + chat.conversationId + "/messages")
                .then().statusCode(200).body(containsString(SECRET));
    }

    @Test
    void agentTokenIsNotAnAdminToken() {
        given().auth().oauth2(TestTokens.agent(owner, "Owner")).contentType("application/json")
                .body(Map.of("displayName", "X", "password", "password1", "roles", new String[] {"admin"}))
                .put("/api/admin/accounts/" + owner).then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void socketUpgradesAreRefusedWithoutTheRightToken() {
        assertEquals(401, TestSocket.refusedUpgrade(() -> TestSocket.agent(baseUri, null)));
        assertEquals(401, TestSocket.refusedUpgrade(() -> TestSocket.agent(baseUri, TestTokens.expiredAgent(owner))));
        assertEquals(401, TestSocket.refusedUpgrade(() -> TestSocket.agent(baseUri, TestTokens.forgedAgent(owner))));
        assertEquals(403, TestSocket.refusedUpgrade(() -> TestSocket.agent(baseUri, TestTokens.customer(chat.conversationId))));
        String otherConversation = Scenario.newConversation(Fixtures.QUEUE).conversationId;
        assertEquals(403, TestSocket.refusedUpgrade(
                () -> TestSocket.customer(baseUri, chat.conversationId, TestTokens.customer(otherConversation))));
        assertEquals(403, TestSocket.refusedUpgrade(
                () -> TestSocket.customer(baseUri, chat.conversationId, TestTokens.agent(owner, "Owner"))));
        assertEquals(401, TestSocket.refusedUpgrade(() -> TestSocket.customer(baseUri, chat.conversationId, null)));
    }

    @Test
    void anotherAgentCannotResumeOrWriteIntoTheConversationOverTheSocket() {
        String intruderId = Scenario.unique("intruder");
        try (TestSocket socket = TestSocket.agent(baseUri, TestTokens.agent(intruderId, "Intruder"));
                TestSocket ownerSocket = TestSocket.agent(baseUri, TestTokens.agent(owner, "Owner"))) {
            ownerSocket.await("hello");
            socket.await("hello");
            socket.send(Map.of("type", "resume", "correlationId", "r-1", "lastSeq", Map.of(chat.conversationId, 0)));
            socket.await("error", f -> f.path("correlationId").asText().equals("r-1")
                    && f.path("code").asText().equals("NOT_FOUND"));
            socket.send(Map.of("type", "send", "correlationId", "s-1", "conversationId", chat.conversationId,
                    "clientMessageId", "m", "text", "let me in"));
            socket.await("error", f -> f.path("correlationId").asText().equals("s-1")
                    && f.path("code").asText().equals("NOT_FOUND"));
            socket.await("resumed", f -> f.path("correlationId").asText().equals("r-1"));
            chat.customerSays("after the intrusion attempt");
            // The owner's next event must not reach the intruder. Once the owner has it, the event was projected and
            // handed to every socket it was going to (a leak would be queued on the intruder's socket by then), so
            // the intruder's pong, queued after that, comes after any leaked frame.
            ownerSocket.await("message", f -> f.path("text").asText().equals("after the intrusion attempt"));
            socket.send(Map.of("type", "ping", "correlationId", "p"));
            socket.await("pong");
            org.junit.jupiter.api.Assertions.assertTrue(socket.frames().stream()
                    .noneMatch(f -> f.toString().contains(SECRET) || f.toString().contains("intrusion attempt")));
        }
    }

    private static void unauthorized(ValidatableResponse response) {
        response.statusCode(401).contentType("application/problem+json").body("status", equalTo(401))
                .body(not(containsString(SECRET)));
    }

    private static void notFound(ValidatableResponse response) {
        response.statusCode(404).contentType("application/problem+json").body("status", equalTo(404))
                .body(not(containsString(SECRET))).body(not(containsString("Customer")));
    }
}
