package com.livechat.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.gateway.support.Fixtures;
import com.livechat.gateway.support.Kafka;
import com.livechat.gateway.support.Scenario;
import com.livechat.gateway.support.TestSocket;
import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.SenderType;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The customer side: start, write, end, invitations, and every customer push type. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class CustomerTest {

    @TestHTTPResource("/")
    URI baseUri;

    @BeforeEach
    void referenceData() {
        Fixtures.referenceData();
    }

    @Test
    void startChatWritesStartConversationAndReturnsAScopedToken() {
        JsonPath started = start(Map.of("queueId", Fixtures.QUEUE,
                "customer", Map.of("name", "Jean Dupont", "email", "jean@example.com", "phone", "+33612345678"),
                "attributes", Map.of("orderId", "A-17")));
        String conversationId = started.getString("conversationId");
        assertFalse(started.getString("token").isBlank());

        Kafka.Sent<ConversationCommand.StartConversation> command = Kafka.awaitConversationCommand(
                ConversationCommand.StartConversation.class, c -> c.conversationId().equals(conversationId));
        assertEquals(conversationId, command.key());
        assertEquals(Fixtures.QUEUE, command.command().queueId());
        assertEquals("Support", command.command().queueName());
        assertEquals("Jean Dupont", command.command().customer().name());
        assertEquals("A-17", command.command().attributes().get("orderId"));
        assertFalse(command.command().proactive());
    }

    @Test
    void invitationMakesTheChatProactive() {
        String invitationId = given().contentType("application/json")
                .body(Map.of("queueId", Fixtures.QUEUE, "pageUrl", "https://shop.example/checkout"))
                .post("/api/invitations").then().statusCode(201).body("queueId", equalTo(Fixtures.QUEUE))
                .body("expiresAt", notNullValue()).extract().path("invitationId");
        String conversationId = start(Map.of("queueId", Fixtures.QUEUE, "customer", Map.of("name", "Jean"),
                "invitationId", invitationId)).getString("conversationId");
        assertTrue(Kafka.awaitConversationCommand(ConversationCommand.StartConversation.class,
                c -> c.conversationId().equals(conversationId)).command().proactive());

        given().contentType("application/json").body(Map.of("queueId", Fixtures.QUEUE, "customer", Map.of("name", "Jean"),
                        "invitationId", "no-such-invitation"))
                .post("/api/chats").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("INVALID_INVITATION"));
        given().contentType("application/json").body(Map.of("queueId", "no-such-queue"))
                .post("/api/invitations").then().statusCode(404).body("code", equalTo("UNKNOWN_QUEUE"));
    }

    @Test
    void startChatValidation() {
        given().contentType("application/json").body(Map.of("queueId", "no-such-queue", "customer", Map.of("name", "Jean")))
                .post("/api/chats").then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("UNKNOWN_QUEUE"));
        given().contentType("application/json").body(Map.of("queueId", Fixtures.QUEUE, "customer", Map.of("name", " ")))
                .post("/api/chats").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"));
        given().contentType("application/json").body("{\"queueId\":")
                .post("/api/chats").then().statusCode(400).contentType("application/problem+json");
    }

    /** Issue 14: routing's waiting notice reaches the customer and is repeated on reconnect until an agent accepts. */
    @Test
    void theWaitingNoticeIsPushedAndRepeatedInTheHelloUntilAnAgentAccepts() {
        JsonPath started = start(Map.of("queueId", Fixtures.QUEUE, "customer", Map.of("name", "Jean")));
        String conversationId = started.getString("conversationId");
        String token = started.getString("token");
        Scenario chat = new Scenario(conversationId, Fixtures.QUEUE);

        try (TestSocket socket = TestSocket.customer(baseUri, conversationId, token)) {
            socket.await("hello");
            chat.started("Jean").queued();
            chat.queuePosition(1);
            socket.await("queue-position");
            chat.waitingNotice(45, "All our advisers are busy.");
            JsonNode notice = socket.await("waiting-notice");
            assertEquals(45, notice.path("waitedSeconds").asInt());
            assertEquals("All our advisers are busy.", notice.path("text").asText());
            assertEquals(Fixtures.QUEUE, notice.path("queueId").asText());
        }
        try (TestSocket again = TestSocket.customer(baseUri, conversationId, token)) {
            JsonNode hello = again.await("hello");
            assertEquals(45, hello.path("waitingNotice").path("waitedSeconds").asInt(), hello.toString());
            assertEquals("All our advisers are busy.", hello.path("waitingNotice").path("text").asText());
        }

        String offerId = chat.offer("agent-w", "Alice Martin", OfferKind.QUEUE);
        chat.assigned(offerId, "agent-w", "Alice Martin");
        chat.state(ConversationState.QUEUED, ConversationState.CONNECTED, "ASSIGNED");
        chat.participant("agent-w", "Alice Martin", null, ParticipantState.ACTIVE);
        // Back in a queue later (a transfer): the notice of the first wait is not repeated.
        chat.state(ConversationState.CONNECTED, ConversationState.QUEUED, "TRANSFERRED");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            try (TestSocket later = TestSocket.customer(baseUri, conversationId, token)) {
                JsonNode hello = later.await("hello");
                assertEquals("QUEUED", hello.path("state").asText(), hello.toString());
                assertTrue(hello.path("waitingNotice").isMissingNode(), hello.toString());
            }
        });
    }

    @Test
    void customerPushesMessagesAndEnd() {
        JsonPath started = start(Map.of("queueId", Fixtures.QUEUE, "customer", Map.of("name", "Jean")));
        String conversationId = started.getString("conversationId");
        String token = started.getString("token");
        Scenario chat = new Scenario(conversationId, Fixtures.QUEUE);

        try (TestSocket socket = TestSocket.customer(baseUri, conversationId, token)) {
            JsonNode hello = socket.await("hello");
            assertEquals(conversationId, hello.path("conversationId").asText());

            chat.started("Jean").queued();
            chat.queuePosition(3, 420);
            JsonNode position = socket.await("queue-position");
            assertEquals(3, position.path("position").asInt());
            assertEquals(420, position.path("estimatedWaitSeconds").asInt());

            chat.state(ConversationState.QUEUED, ConversationState.CONNECTED, "ASSIGNED");
            chat.participant("agent-x", "Alice Martin", null, ParticipantState.ACTIVE);
            JsonNode joined = socket.await("agent-joined");
            assertEquals("Alice Martin", joined.path("agentName").asText());
            assertEquals(chat.seq(), joined.path("seq").asLong());

            chat.message(SenderType.AGENT, "agent-x", "Alice Martin", Audience.EVERYONE, "Bonjour !");
            chat.message(SenderType.SYSTEM, null, "System", Audience.AGENTS, "internal note");
            chat.message(SenderType.SYSTEM, null, "System", Audience.CUSTOMER, "An agent will answer shortly");
            socket.await("message", f -> f.path("text").asText().equals("An agent will answer shortly"));
            JsonNode message = socket.await("message", f -> f.path("text").asText().equals("Bonjour !"));
            assertEquals("Alice Martin", message.path("senderName").asText());
            assertTrue(message.path("senderId").isMissingNode(), "agent ids are not shown to customers");
            assertNull(socket.find("message", f -> f.path("text").asText().equals("internal note")));

            String commandId = given().auth().oauth2(token).contentType("application/json")
                    .body(Map.of("clientMessageId", "c-1", "text", "My IBAN is FR76 3000 6000 0112 3456 7890 189"))
                    .post("/api/chats/" + conversationId + "/messages").then().statusCode(202)
                    .body("clientMessageId", equalTo("c-1")).extract().path("commandId");
            Kafka.Sent<ConversationCommand.PostMessage> post = Kafka.awaitConversationCommand(
                    ConversationCommand.PostMessage.class, c -> c.commandId().equals(commandId));
            assertEquals(SenderType.CUSTOMER, post.command().senderType());
            assertEquals(conversationId, post.key());

            socket.send(Map.of("type", "send", "correlationId", "s-1", "clientMessageId", "c-2", "text", "via socket"));
            socket.await("ack", f -> f.path("correlationId").asText().equals("s-1"));
            chat.rejected("refused-1", SenderType.CUSTOMER, null, RejectionCode.INVALID_MESSAGE);
            socket.await("error", f -> f.path("correlationId").asText().equals("refused-1"));

            chat.participant("agent-x", "Alice Martin", ParticipantState.ACTIVE, ParticipantState.WRAP_UP);
            socket.await("agent-left");
            chat.state(ConversationState.CONNECTED, ConversationState.ENDED, "AGENT_ENDED");
            JsonNode ended = socket.await("conversation-ended");
            assertEquals("ENDED", ended.path("state").asText());

            String endId = given().auth().oauth2(token).post("/api/chats/" + conversationId + "/end")
                    .then().statusCode(409).contentType("application/problem+json").extract().path("code");
            assertEquals("ILLEGAL_STATE", endId);
        }

        // The transcript as the customer may see it: no agents-only message.
        List<String> texts = given().auth().oauth2(token).get("/api/chats/" + conversationId + "/messages")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.type == 'message' }.text");
        assertEquals(List.of("Bonjour !", "An agent will answer shortly"), texts);
    }

    @Test
    void customerMayEndAnOpenChat() {
        JsonPath started = start(Map.of("queueId", Fixtures.QUEUE, "customer", Map.of("name", "Jean")));
        String conversationId = started.getString("conversationId");
        String commandId = given().auth().oauth2(started.getString("token")).post("/api/chats/" + conversationId + "/end")
                .then().statusCode(202).extract().path("commandId");
        assertEquals(conversationId, Kafka.awaitConversationCommand(ConversationCommand.EndByCustomer.class,
                c -> c.commandId().equals(commandId)).key());
    }

    @Test
    void customerMessageRules() {
        JsonPath started = start(Map.of("queueId", Fixtures.QUEUE, "customer", Map.of("name", "Jean")));
        String url = "/api/chats/" + started.getString("conversationId") + "/messages";
        given().auth().oauth2(started.getString("token")).contentType("application/json")
                .body(Map.of("clientMessageId", "c", "text", "x".repeat(4001))).post(url)
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("MESSAGE_TOO_LONG"));
        given().auth().oauth2(started.getString("token")).contentType("application/json")
                .body(Map.of("clientMessageId", "c", "text", "  ")).post(url)
                .then().statusCode(400).body("code", equalTo("INVALID_MESSAGE"));
        // Customers may use < and > (only agents are held to the template rule).
        given().auth().oauth2(started.getString("token")).contentType("application/json")
                .body(Map.of("clientMessageId", "c", "text", "1 < 2")).post(url).then().statusCode(202);
    }

    private static JsonPath start(Map<String, Object> body) {
        return given().contentType("application/json").body(body).post("/api/chats").then().statusCode(201)
                .body("conversationId", notNullValue()).extract().jsonPath();
    }
}
