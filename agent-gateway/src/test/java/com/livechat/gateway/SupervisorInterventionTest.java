package com.livechat.gateway;

import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.SenderType;
import com.livechat.gateway.support.Fixtures;
import com.livechat.gateway.support.Kafka;
import com.livechat.gateway.support.Scenario;
import com.livechat.gateway.support.TestSocket;
import com.livechat.testsupport.auth.TestTokens;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Barge-in and take-over (issue 15) at the gateway: roles, the checks it makes from its projection, the audit, the
 * command on the inbound topic, and the customer's "joined" frame once the conversation service has decided.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class SupervisorInterventionTest {

    @TestHTTPResource("/")
    URI baseUri;

    String supervisorId;
    String supervisor;

    @BeforeEach
    void supervisor() {
        Fixtures.referenceData();
        supervisorId = Scenario.unique("sup");
        supervisor = TestTokens.supervisor(supervisorId, "Sam Supervisor");
    }

    @Test
    void aSupervisorBargesInAuditedAndTheCustomerSeesThemJoin() {
        Scenario chat = Scenario.newConversation(Fixtures.QUEUE).connectedWith("alice", "Alice");
        awaitLive(chat);
        try (TestSocket customer = TestSocket.customer(baseUri, chat.conversationId,
                TestTokens.customer(chat.conversationId))) {
            customer.await("hello");
            String commandId = given().auth().oauth2(supervisor)
                    .post("/api/supervisor/conversations/" + chat.conversationId + "/barge-in")
                    .then().statusCode(202).body("commandId", notNullValue()).extract().path("commandId");
            var sent = Kafka.awaitConversationCommand(ConversationCommand.BargeIn.class,
                    c -> c.commandId().equals(commandId));
            assertEquals(supervisorId, sent.command().supervisorId());
            assertEquals("Sam Supervisor", sent.command().supervisorName());
            assertEquals(chat.conversationId, sent.key());

            // What the conversation service decides (its own tests check that), as it publishes it.
            chat.participant(supervisorId, "Sam Supervisor", null, ParticipantState.CONFERENCE)
                    .message(SenderType.SYSTEM, null, "System", Audience.EVERYONE, "Sam Supervisor joined the chat");
            assertEquals("Sam Supervisor", customer.await("agent-joined").path("agentName").asText());
            customer.await("message", f -> f.path("text").asText().equals("Sam Supervisor joined the chat"));
            customer.assertFramesMatchTheirSchemas();
        }
        // Joined, the supervisor writes like an agent.
        given().auth().oauth2(supervisor).contentType("application/json")
                .body(Map.of("clientMessageId", "sup-1", "text", "Hello, I am the supervisor"))
                .post("/api/conversations/" + chat.conversationId + "/messages").then().statusCode(202);
        Kafka.awaitConversationCommand(ConversationCommand.PostMessage.class,
                c -> c.conversationId().equals(chat.conversationId) && supervisorId.equals(c.agentId()));

        String takeOver = given().auth().oauth2(supervisor)
                .post("/api/supervisor/conversations/" + chat.conversationId + "/take-over")
                .then().statusCode(202).extract().path("commandId");
        Kafka.awaitConversationCommand(ConversationCommand.TakeOver.class, c -> c.commandId().equals(takeOver));

        JsonPath audit = given().auth().oauth2(TestTokens.admin("root", "Root")).queryParam("conversationId",
                chat.conversationId).get("/api/admin/supervision-audit").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("TAKE_OVER", "BARGE_IN"), audit.getList("action"));
        assertEquals(List.of(supervisorId, supervisorId), audit.getList("supervisorId"));
        assertEquals("Sam Supervisor", audit.getString("[1].supervisorName"));
    }

    @Test
    void onlySupervisorsOnALiveChatAndNothingIsAuditedWhenRefused() {
        Scenario chat = Scenario.newConversation(Fixtures.QUEUE).started("Waiting").queued();
        String path = "/api/supervisor/conversations/" + chat.conversationId + "/barge-in";
        given().post(path).then().statusCode(401);
        given().auth().oauth2(TestTokens.agent("alice", "Alice")).post(path).then().statusCode(403);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(supervisor)
                .post(path).then().extract().statusCode() == 409);
        given().auth().oauth2(supervisor).post(path).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("ILLEGAL_STATE"));
        given().auth().oauth2(supervisor).post("/api/supervisor/conversations/" + chat.conversationId + "/take-over")
                .then().statusCode(409).body("code", equalTo("ILLEGAL_STATE"));
        given().auth().oauth2(supervisor).post("/api/supervisor/conversations/no-such-chat/take-over")
                .then().statusCode(404).contentType("application/problem+json");
        JsonPath audit = given().auth().oauth2(TestTokens.admin("root", "Root")).queryParam("conversationId",
                chat.conversationId).get("/api/admin/supervision-audit").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), audit.getList("action"));
    }

    private void awaitLive(Scenario chat) {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(supervisor)
                .get("/api/supervisor/conversations").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.state == '" + ConversationState.CONNECTED + "' }.conversationId")
                .contains(chat.conversationId));
    }
}
