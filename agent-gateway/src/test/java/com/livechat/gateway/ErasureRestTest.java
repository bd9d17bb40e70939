package com.livechat.gateway;

import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.Customer;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.QueueReason;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.Topics;
import com.livechat.contracts.events.SenderType;
import com.livechat.gateway.support.Fixtures;
import com.livechat.gateway.support.Kafka;
import com.livechat.gateway.support.Scenario;
import com.livechat.gateway.support.TestSocket;
import com.livechat.testsupport.auth.TestTokens;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import com.livechat.testsupport.TextScan;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /api/admin/erasures} (docs/privacy.md): admins only, an ended conversation only, audited, sent as
 * {@code EraseCustomerData}; once {@code CustomerDataErased} comes back, no text column of the gateway's database holds
 * the customer's original data (event log, summary, offers, supervision) and the request is COMPLETED.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class ErasureRestTest {

    String agentId;
    String adminId;
    String adminToken;

    @BeforeEach
    void agent() {
        Fixtures.referenceData();
        agentId = Scenario.unique("agent");
        adminId = Scenario.unique("admin");
        adminToken = TestTokens.admin(adminId, "Ada Admin");
    }

    @Test
    void anEndedConversationIsErasedFromEveryProjectionAndTheRequestIsAudited() throws Exception {
        Scenario chat = Scenario.newConversation(Fixtures.QUEUE);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = "Zoltan Erasmus " + tag;
        String email = "zoltan." + tag + "@example.org";
        String attribute = "order " + tag;
        String secret = "I live at " + tag + " rue des Lilas";
        String note = "moved to " + tag;
        String comment = "thanks from " + tag;
        chat.publish(new ConversationEvent.ConversationStarted(UUID.randomUUID().toString(), chat.conversationId,
                chat.nextSeq(), Instant.now(), Fixtures.QUEUE, "Support", new Customer(name, email, null),
                Map.of("orderId", attribute), false));
        chat.publish(new ConversationEvent.ConversationQueued(UUID.randomUUID().toString(), chat.conversationId,
                chat.nextSeq(), Instant.now(), Fixtures.QUEUE, "Support", name, false, Instant.now(), QueueReason.NEW));
        Kafka.publish(Topics.ROUTING_EVENTS, new RoutingEvent.ChatOffered(UUID.randomUUID().toString(),
                Instant.now(), UUID.randomUUID().toString(), chat.conversationId, OfferKind.QUEUE, agentId,
                "Alice Martin", Fixtures.QUEUE, "Support", name, false, Instant.now(), Instant.now().plusSeconds(30),
                null, null, null));
        chat.participant(agentId, "Alice Martin", null, ParticipantState.ACTIVE);
        chat.state(ConversationState.QUEUED, ConversationState.CONNECTED, "ASSIGNED");
        chat.message(SenderType.CUSTOMER, null, name, Audience.EVERYONE, secret);
        chat.participant(agentId, "Alice Martin", ParticipantState.ACTIVE, ParticipantState.WRAP_UP);
        chat.state(ConversationState.CONNECTED, ConversationState.ENDED, "AGENT_ENDED");
        chat.publish(new ConversationEvent.WrapUpRecorded(UUID.randomUUID().toString(), chat.conversationId,
                chat.nextSeq(), Instant.now(), agentId, "RESOLVED", "Resolved", note));
        chat.survey(4, comment);
        String[] originals = {name, email, attribute, secret, note, comment};
        await().atMost(TestSocket.WAIT).until(() -> scan(originals).size() >= originals.length);

        // Nobody but an administrator; never a chat that is not over; the body is checked.
        given().auth().oauth2(TestTokens.agent(agentId, "Alice Martin")).contentType("application/json")
                .body(Map.of("conversationId", chat.conversationId)).post("/api/admin/erasures").then()
                .statusCode(403);
        erase("does-not-exist").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(adminToken).contentType("application/json").body("{}").post("/api/admin/erasures")
                .then().statusCode(400).contentType("application/problem+json");
        Scenario live = Scenario.newConversation(Fixtures.QUEUE).connectedWith(agentId, "Alice Martin");
        await().atMost(TestSocket.WAIT).until(() -> erase(live.conversationId).statusCode() == 409);
        erase(live.conversationId).then().contentType("application/problem+json")
                .body("code", equalTo("CONVERSATION_NOT_ENDED"));

        String erasureId = erase(chat.conversationId).then().statusCode(202)
                .body("conversationId", equalTo(chat.conversationId)).body("status", equalTo("REQUESTED"))
                .extract().path("erasureId");
        Kafka.Sent<ConversationCommand.EraseCustomerData> sent = Kafka.awaitConversationCommand(
                ConversationCommand.EraseCustomerData.class, c -> c.erasureId().equals(erasureId));
        assertEquals(chat.conversationId, sent.key());
        given().auth().oauth2(adminToken).get("/api/admin/erasures?conversationId=" + chat.conversationId).then()
                .statusCode(200).body("[0].erasureId", equalTo(erasureId)).body("[0].requestedBy", equalTo(adminId));

        // The conversation service erases and says so: every copy in the gateway goes, the request is completed.
        chat.publish(new ConversationEvent.CustomerDataErased(UUID.randomUUID().toString(), chat.conversationId,
                chat.nextSeq(), Instant.now(), erasureId));
        await().atMost(TestSocket.WAIT).until(() -> "COMPLETED".equals(given().auth().oauth2(adminToken)
                .get("/api/admin/erasures/" + erasureId).jsonPath().getString("status")));
        List<String> left = scan(originals);
        assertTrue(left.isEmpty(), "original data left in the gateway: " + left);
        // A late copy of the start (a lagging instance) does not bring the name back.
        chat.publish(new ConversationEvent.ConversationStarted(UUID.randomUUID().toString(), chat.conversationId, 1L,
                Instant.now(), Fixtures.QUEUE, "Support", new Customer(name, email, null), Map.of(), false));
        Scenario.newConversation(Fixtures.QUEUE).started("someone else");
        Thread.sleep(500);
        left = scan(originals);
        assertTrue(left.isEmpty(), "original data back in the gateway: " + left);
        given().auth().oauth2(adminToken).get("/api/admin/erasures/unknown").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private io.restassured.response.Response erase(String conversationId) {
        return given().auth().oauth2(adminToken).contentType("application/json")
                .body(Map.of("conversationId", conversationId)).post("/api/admin/erasures");
    }

    private static List<String> scan(String... needles) throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""))) {
            return TextScan.occurrences(db, needles);
        }
    }
}
