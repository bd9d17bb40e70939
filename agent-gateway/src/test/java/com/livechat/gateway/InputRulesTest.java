package com.livechat.gateway;

import com.livechat.gateway.rest.CustomerChatResource;
import com.livechat.gateway.invitation.InvitationCleanup;
import com.livechat.gateway.support.Fixtures;
import com.livechat.gateway.support.Scenario;
import com.livechat.gateway.support.TestSocket;
import com.livechat.testsupport.auth.TestTokens;
import com.livechat.contracts.events.Topics;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What comes in is checked before anything is accepted: control characters (U+0000 would be refused by PostgreSQL
 * downstream, after the client was told "accepted"), sizes, and bodies of the wrong shape. Every refusal is a 4xx
 * problem+json, never a 500.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class InputRulesTest {

    static final String NUL = "\u0000";

    @TestHTTPResource("/")
    URI baseUri;

    @Inject
    InvitationCleanup invitationCleanup;

    @BeforeEach
    void referenceData() {
        Fixtures.referenceData();
    }

    @Test
    void aNulCharacterIsRefusedInEveryCustomerField() {
        invalid(start(Map.of("queueId", Fixtures.QUEUE, "customer", Map.of("name", "Jean" + NUL))), "name");
        invalid(start(Map.of("queueId", Fixtures.QUEUE, "customer", Map.of("name", "Jean", "phone", "+33" + NUL))), "phone");
        invalid(start(Map.of("queueId", Fixtures.QUEUE, "customer", Map.of("name", "Jean"),
                "attributes", Map.of("order" + NUL, "A-1"))), "attributes");
        invalid(start(Map.of("queueId", Fixtures.QUEUE, "customer", Map.of("name", "Jean"),
                "attributes", Map.of("orderId", "A\u00071"))), "attributes");
        // Reached SQL (the queue look-up) before: a 500.
        invalid(start(Map.of("queueId", "support" + NUL, "customer", Map.of("name", "Jean"))), "queueId");
        invalid(start(Map.of("queueId", Fixtures.QUEUE, "customer", Map.of("name", "Jean"), "invitationId", NUL)),
                "invitationId");
        invalid(given().contentType("application/json").body(Map.of("queueId", Fixtures.QUEUE, "pageUrl", "https://x/" + NUL))
                .post("/api/invitations").then(), "pageUrl");
        invalid(given().contentType("application/json").body(Map.of("username", "admin" + NUL, "password", "whatever"))
                .post("/api/auth/login").then(), "username");
        // Tabs and line breaks are text in attribute values (names and contact fields are single lines: see below).
        start(Map.of("queueId", Fixtures.QUEUE, "customer", Map.of("name", "Jean Dupont"),
                "attributes", Map.of("note", "line 1\r\nline 2"))).statusCode(201);

        String conversationId = start(Map.of("queueId", Fixtures.QUEUE, "customer", Map.of("name", "Jean")))
                .statusCode(201).extract().path("conversationId");
        String customer = TestTokens.customer(conversationId);
        given().auth().oauth2(customer).contentType("application/json")
                .body(Map.of("clientMessageId", "m-1", "text", "hello" + NUL)).post("/api/chats/" + conversationId + "/messages")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("INVALID_MESSAGE"))
                .body("detail", containsString("control characters"));
        invalid(given().auth().oauth2(customer).contentType("application/json")
                .body(Map.of("clientMessageId", "m" + NUL, "text", "hello")).post("/api/chats/" + conversationId + "/messages")
                .then(), "clientMessageId");
    }

    @Test
    void aNulCharacterIsRefusedInAgentRequestsPathsAndQueries() {
        String agentId = Scenario.unique("agent");
        String token = TestTokens.agent(agentId, "Alice");
        Scenario chat = Scenario.newConversation(Fixtures.QUEUE).connectedWith(agentId, "Alice");
        String base = "/api/conversations/" + chat.conversationId;
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("clientMessageId", "m-1", "text", "bell\u0007")).post(base + "/messages")
                .then().statusCode(400).body("code", equalTo("INVALID_MESSAGE"));
        invalid(given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("targetType", "AGENT", "targetId", "bob" + NUL)).post(base + "/transfer").then(), "targetId");
        invalid(given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("agentId", NUL)).post(base + "/conference").then(), "agentId");
        invalid(given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("reasonCode", "RESOLVED" + NUL)).post(base + "/wrap-up").then(), "reasonCode");
        invalid(given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("state", "IDLE", "idleCode", "BREAK" + NUL)).put("/api/agent/state").then(), "idleCode");
        // Path and query parameters reach SQL too.
        given().auth().oauth2(token).urlEncodingEnabled(false).get("/api/conversations/a%00b/events")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(token).urlEncodingEnabled(false).post("/api/agent/offers/a%00b/accept")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(token).urlEncodingEnabled(false).get("/api/transfer-targets?search=%00")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(token).urlEncodingEnabled(false).get("/api/wrap-up-reasons?search=%00")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));

        try (TestSocket socket = TestSocket.agent(baseUri, token)) {
            socket.await("hello");
            socket.send(Map.of("type", "send", "correlationId", "s-1", "conversationId", chat.conversationId,
                    "clientMessageId", "m" + NUL, "text", "hello"));
            socket.await("error", f -> f.path("correlationId").asText().equals("s-1")
                    && f.path("code").asText().equals("VALIDATION_FAILED"));
            socket.send(Map.of("type", "send", "correlationId", "s-2", "conversationId", "a" + NUL,
                    "clientMessageId", "m-2", "text", "hello"));
            socket.await("error", f -> f.path("correlationId").asText().equals("s-2")
                    && f.path("code").asText().equals("VALIDATION_FAILED"));
            socket.send(Map.of("type", "resume", "correlationId", "r-1", "lastSeq", Map.of("a" + NUL, 0)));
            socket.await("error", f -> f.path("correlationId").asText().equals("r-1")
                    && f.path("code").asText().equals("INVALID_FRAME"));
            socket.send(Map.of("type", "send", "correlationId", "s-3", "conversationId", chat.conversationId,
                    "clientMessageId", "m-3", "text", "nul" + NUL));
            socket.await("error", f -> f.path("correlationId").asText().equals("s-3")
                    && f.path("code").asText().equals("INVALID_MESSAGE") && f.path("status").asInt() == 400);
        }
    }

    @Test
    void theChatStartIsLimitedFieldByFieldAndAsAWhole() {
        Map<String, String> tooMany = new LinkedHashMap<>();
        for (int i = 0; i <= CustomerChatResource.MAX_ATTRIBUTES; i++) {
            tooMany.put("a" + i, "v");
        }
        invalid(start(Map.of("queueId", Fixtures.QUEUE, "customer", Map.of("name", "Jean"), "attributes", tooMany)),
                "attributes");
        invalid(start(Map.of("queueId", Fixtures.QUEUE, "customer", Map.of("name", "Jean"),
                "attributes", Map.of("x", "v".repeat(CustomerChatResource.MAX_ATTRIBUTE_VALUE + 1)))), "attributes");
        invalid(start(Map.of("queueId", Fixtures.QUEUE, "customer", Map.of("name", "Jean"),
                "attributes", Map.of("n".repeat(CustomerChatResource.MAX_ATTRIBUTE_NAME + 1), "v"))), "attributes");
        invalid(start(Map.of("queueId", Fixtures.QUEUE, "customer", Map.of("name", "J".repeat(201)))), "name");

        // Each field within its limit, but together more than the masking service takes: 413, nothing produced.
        Map<String, String> large = new LinkedHashMap<>();
        String value = "€".repeat(CustomerChatResource.MAX_ATTRIBUTE_VALUE); // 3 bytes each in UTF-8
        for (int i = 0; i < CustomerChatResource.MAX_ATTRIBUTES; i++) {
            large.put("attribute" + i, value);
        }
        start(Map.of("queueId", Fixtures.QUEUE, "customer", Map.of("name", "Jean"), "attributes", large))
                .statusCode(413).contentType("application/problem+json").body("status", equalTo(413))
                .body("code", equalTo("PAYLOAD_TOO_LARGE"))
                .body("detail", containsString("at most " + Topics.INBOUND_MAX_RECORD_BYTES));
    }

    @Test
    void aBodyOfTheWrongShapeIsAClearProblemThatNamesNoClass() {
        String wrongShape = given().contentType("application/json").body("\"x\"").post("/api/auth/login").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("MALFORMED_JSON"))
                .body("detail", equalTo("The request body does not have the expected shape.")).extract().asString();
        assertTrue(!wrongShape.contains("com.livechat") && !wrongShape.contains("Cannot construct"), wrongShape);
        given().contentType("application/json").body("{\"queueId\": \"support\", \"customer\": \"Jean\"}")
                .post("/api/chats").then().statusCode(400).body("code", equalTo("MALFORMED_JSON"))
                .body("detail", equalTo("The request body does not have the expected shape at field 'customer'."))
                .body(not(containsString("CustomerInfo")));
        given().contentType("application/json").body("{\"username\": ").post("/api/auth/login").then()
                .statusCode(400).body("code", equalTo("MALFORMED_JSON"))
                .body("detail", containsString("The request body is not valid JSON"));
        // Cut off inside a nested object: Jackson reports it from the nested field's deserializer (issue 17).
        given().contentType("application/json")
                .body("{\"queueId\": \"" + Fixtures.QUEUE + "\", \"customer\": {\"name\": \"Jean\"")
                .post("/api/chats").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON"))
                .body("detail", startsWith("The request body is not valid JSON (line 1, column "));
        given().auth().oauth2(TestTokens.agent(Scenario.unique("agent"), "Alice")).contentType("application/json")
                .body(Map.of("state", "ASLEEP")).put("/api/agent/state").then().statusCode(400)
                .body("code", equalTo("MALFORMED_JSON"))
                .body("detail", equalTo("Field 'state' has an invalid value; expected one of LOGGED_OUT, AVAILABLE, IDLE, RONA."));
    }

    /** A line break in a name would forge lines wherever it is written (logs, transcripts, e-mails): issue 17. */
    @Test
    void aCustomerNameOrContactWithALineBreakOrTabIsRefused() {
        for (String name : List.of("Jean\r\nAdmin: ok", "Jean\nX", "Jean\tX", "Jean\u2028X")) {
            given().contentType("application/json")
                    .body(Map.of("queueId", Fixtures.QUEUE, "customer", Map.of("name", name)))
                    .post("/api/chats").then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("name"));
        }
        given().contentType("application/json")
                .body(Map.of("queueId", Fixtures.QUEUE, "customer", Map.of("name", "Jean", "phone", "01\r\n02")))
                .post("/api/chats").then().statusCode(400).body("errors[0].field", equalTo("phone"));
    }

    @Test
    void expiredInvitationsAreDeleted() {
        String invitationId = given().contentType("application/json").body(Map.of("queueId", Fixtures.QUEUE))
                .post("/api/invitations").then().statusCode(201).extract().path("invitationId");
        String expiresAt = given().contentType("application/json").body(Map.of("queueId", Fixtures.QUEUE))
                .post("/api/invitations").then().statusCode(201).extract().path("expiresAt");
        // As the periodic clean-up will do once both have expired.
        int deleted = invitationCleanup.deleteExpiredBefore(Instant.parse(expiresAt).plusSeconds(1))
                .await().atMost(java.time.Duration.ofSeconds(10));
        assertTrue(deleted >= 2, "deleted " + deleted);
        start(Map.of("queueId", Fixtures.QUEUE, "customer", Map.of("name", "Jean"), "invitationId", invitationId))
                .statusCode(400).body("code", equalTo("INVALID_INVITATION"));
    }

    private static ValidatableResponse start(Map<String, Object> body) {
        return given().contentType("application/json").body(body).post("/api/chats").then();
    }

    private static void invalid(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem(containsString(field)));
    }
}
