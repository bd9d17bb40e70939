package com.livechat.gateway;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.QueueReason;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.Topics;
import com.livechat.contracts.events.WithdrawReason;
import com.livechat.gateway.support.Fixtures;
import com.livechat.gateway.support.Kafka;
import com.livechat.gateway.support.Scenario;
import com.livechat.gateway.support.TestSocket;
import com.livechat.testsupport.auth.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The supervisor console's figures (issue 15), from the events the real services publish, through the gateway's
 * projection on a real broker and database: waiting chats appear and leave, outcomes and surveys are counted once
 * even when an event is delivered twice, an agent in RONA is shown so with their RONA count.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class SupervisorTest {

    @TestHTTPResource("/")
    URI baseUri;

    String supervisor;

    @BeforeEach
    void supervisor() {
        Fixtures.referenceData();
        supervisor = TestTokens.supervisor(Scenario.unique("sup"), "Sam Supervisor");
    }

    JsonPath overview() {
        return given().auth().oauth2(supervisor).get("/api/supervisor/overview").then().statusCode(200)
                .extract().jsonPath();
    }

    Map<String, Object> queue(String queueId) {
        return overview().getMap("queues.find { it.queueId == '" + queueId + "' }");
    }

    Map<String, Object> agent(String agentId) {
        return overview().getMap("agents.find { it.agentId == '" + agentId + "' }");
    }

    void awaitQueue(String queueId, String field, int value) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> figures = queue(queueId);
            assertNotNull(figures, "queue " + queueId + " listed");
            assertEquals(value, figures.get(field), field + " of " + queueId + ": " + figures);
        });
    }

    @Test
    void aWaitingChatAppearsThenLeavesTheCountsWhenAnswered() {
        String queueId = Scenario.unique("q");
        Scenario chat = new Scenario(UUID.randomUUID().toString(), queueId).started("Melissa");
        ConversationEvent.ConversationQueued queued = new ConversationEvent.ConversationQueued(
                UUID.randomUUID().toString(), chat.conversationId, chat.nextSeq(), Instant.now(), queueId, "Queue Q",
                "Melissa", false, Instant.now(), QueueReason.NEW);
        Kafka.publish(Topics.CONVERSATION_EVENTS, queued);
        awaitQueue(queueId, "waiting", 1);
        JsonPath waiting = overview();
        assertEquals("Melissa", waiting.getString("waiting.find { it.conversationId == '" + chat.conversationId
                + "' }.customerName"));
        assertEquals(1, (int) waiting.getInt("queues.find { it.queueId == '" + queueId + "' }.offered"));
        assertEquals("Queue Q", waiting.getString("queues.find { it.queueId == '" + queueId + "' }.queueName"));

        chat.state(ConversationState.QUEUED, ConversationState.OFFERED, "OFFERED")
                .participant("alice", "Alice", null, ParticipantState.OFFERED)
                .state(ConversationState.OFFERED, ConversationState.CONNECTED, "ASSIGNED")
                .participant("alice", "Alice", ParticipantState.OFFERED, ParticipantState.ACTIVE);
        awaitQueue(queueId, "answered", 1);
        Map<String, Object> answered = queue(queueId);
        assertEquals(0, answered.get("waiting"));
        assertEquals(1, answered.get("offered"));
        assertEquals(1, answered.get("answeredWithinThreshold"));
        assertEquals(1.0f, ((Number) answered.get("serviceLevel")).floatValue());
        assertTrue(overview().getList("waiting.conversationId").stream().noneMatch(chat.conversationId::equals));

        // Delivered again (Kafka may): counted once.
        Kafka.publish(Topics.CONVERSATION_EVENTS, queued);
        chat.participant("alice", "Alice", ParticipantState.ACTIVE, ParticipantState.WRAP_UP)
                .wrapUp("alice", Fixtures.WRAP_UP_REASON)
                .participant("alice", "Alice", ParticipantState.WRAP_UP, ParticipantState.DONE);
        await().atMost(Duration.ofSeconds(30)).until(() -> queue(queueId).get("averageHandleSeconds") != null);
        Map<String, Object> handled = queue(queueId);
        assertEquals(1, handled.get("offered"), "the redelivered ConversationQueued is not counted again");
        assertEquals(0, handled.get("waiting"));
    }

    @Test
    void abandonedAndTransferredChatsAreCounted() {
        String queueId = Scenario.unique("q");
        Scenario left = new Scenario(UUID.randomUUID().toString(), queueId).started("Leaving").queued();
        left.state(ConversationState.QUEUED, ConversationState.ABANDONED, "CUSTOMER_LEFT");
        awaitQueue(queueId, "abandoned", 1);

        Scenario moved = new Scenario(UUID.randomUUID().toString(), queueId).connectedWith("bob", "Bob");
        awaitQueue(queueId, "answered", 1);
        moved.participant("bob", "Bob", ParticipantState.ACTIVE, ParticipantState.WRAP_UP)
                .state(ConversationState.CONNECTED, ConversationState.QUEUED, "TRANSFER")
                .queued(QueueReason.TRANSFER);
        awaitQueue(queueId, "transferred", 1);
        Map<String, Object> figures = queue(queueId);
        assertEquals(3, figures.get("offered"), "two new chats and the transfer back in (same queue)");
        assertEquals(1, figures.get("waiting"));
        assertEquals(0.5f, ((Number) figures.get("serviceLevel")).floatValue(), "1 answered in time / (1 + 1 abandoned)");
    }

    @Test
    void surveysOfTheDayShowPerQueueWithTheirAverageRatingCountedOnce() {
        String queueId = Scenario.unique("q");
        Scenario.queue(queueId, "Survey Queue");
        awaitQueue(queueId, "surveys", 0);
        assertEquals(null, queue(queueId).get("averageRating"), "absent until a survey is counted");

        Scenario happy = new Scenario(UUID.randomUUID().toString(), queueId).connectedWith("alice", "Alice")
                .state(ConversationState.CONNECTED, ConversationState.CUSTOMER_ENDED, "CUSTOMER_LEFT");
        ConversationEvent.SurveySubmitted five = new ConversationEvent.SurveySubmitted(UUID.randomUUID().toString(),
                happy.conversationId, happy.nextSeq(), Instant.now(), queueId, 5, "Great");
        Kafka.publish(Topics.CONVERSATION_EVENTS, five);
        new Scenario(UUID.randomUUID().toString(), queueId).connectedWith("bob", "Bob")
                .state(ConversationState.CONNECTED, ConversationState.CUSTOMER_ENDED, "CUSTOMER_LEFT")
                .survey(2, null);
        awaitQueue(queueId, "surveys", 2);
        assertEquals(3.5f, ((Number) queue(queueId).get("averageRating")).floatValue());

        // Delivered again (Kafka may), and a second survey of the same chat: the first one stays, counted once.
        Kafka.publish(Topics.CONVERSATION_EVENTS, five);
        Kafka.publish(Topics.CONVERSATION_EVENTS, new ConversationEvent.SurveySubmitted(UUID.randomUUID().toString(),
                happy.conversationId, happy.nextSeq(), Instant.now(), queueId, 1, null));
        happy.state(ConversationState.CUSTOMER_ENDED, ConversationState.ENDED, "AGENT_ENDED");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(supervisor)
                .get("/api/supervisor/conversations?limit=1000").then().extract().jsonPath()
                .getList("conversationId").stream().noneMatch(happy.conversationId::equals));
        Map<String, Object> figures = queue(queueId);
        assertEquals(2, figures.get("surveys"), "redelivered and second surveys not counted: " + figures);
        assertEquals(3.5f, ((Number) figures.get("averageRating")).floatValue());
        assertEquals("Survey Queue", figures.get("queueName"));
        // The same figures as Prometheus gauges.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(metrics.contains("livechat_queue_surveys_today{queue=\"" + queueId + "\"} 2.0"),
                    "surveys gauge");
            assertTrue(metrics.contains("livechat_queue_average_rating{queue=\"" + queueId + "\"} 3.5"),
                    "rating gauge");
        });
    }

    @Test
    void anAgentInRonaIsShownInRonaWithTheirRonaCount() {
        String agentId = Scenario.unique("agent");
        Scenario.presence(agentId, "Rona Agent", AgentState.AVAILABLE, 0, 2);
        Scenario chat = Scenario.newConversation(Fixtures.QUEUE).started("Customer").queued();
        String offerId = chat.offer(agentId, "Rona Agent", OfferKind.QUEUE);
        RoutingEvent.OfferWithdrawn rona = new RoutingEvent.OfferWithdrawn(UUID.randomUUID().toString(), Instant.now(),
                offerId, chat.conversationId, OfferKind.QUEUE, agentId, WithdrawReason.RONA_TIMEOUT);
        Kafka.publishAll(Topics.ROUTING_EVENTS, List.of(rona, rona));
        Kafka.publish(Topics.ROUTING_EVENTS, new RoutingEvent.AgentStateChanged(UUID.randomUUID().toString(),
                Instant.now(), agentId, "Rona Agent", AgentState.RONA, AgentState.AVAILABLE, null, "RONA", 0, 2,
                List.of(Fixtures.QUEUE)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> figures = agent(agentId);
            assertNotNull(figures);
            assertEquals("RONA", figures.get("state"));
            assertEquals(1, figures.get("ronaToday"), "the RONA delivered twice counts once: " + figures);
        });
        Map<String, Object> figures = agent(agentId);
        assertEquals("Rona Agent", figures.get("displayName"));
        // The same figures as Prometheus gauges.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(metrics.contains("livechat_agent_rona_today{agent=\"" + agentId + "\"} 1.0"), "rona gauge");
            assertTrue(metrics.contains("livechat_agent_state{agent=\"" + agentId + "\",idle_code=\"\",state=\"RONA\"} 1.0"),
                    "state gauge");
            assertTrue(metrics.contains("livechat_queue_chats_today{outcome=\"offered\",queue=\"" + Fixtures.QUEUE + "\"}"),
                    "queue gauge");
        });
        assertEquals(2, figures.get("capacity"));
        assertNotNull(figures.get("stateSince"));
    }

    @Test
    void onlySupervisorsAndAdministratorsSeeTheFigures() {
        given().get("/api/supervisor/overview").then().statusCode(401);
        given().auth().oauth2(TestTokens.agent("agent-x", "Agent X")).get("/api/supervisor/overview").then()
                .statusCode(403);
        assertEquals(401, TestSocket.refusedUpgrade(() -> TestSocket.supervisor(baseUri, null)));
        assertEquals(403, TestSocket.refusedUpgrade(() -> TestSocket.supervisor(baseUri,
                TestTokens.agent("agent-x", "Agent X"))));
    }

    @Test
    void theSupervisorSocketSendsTheFiguresThenTheirUpdatesAndTakesNoFrames() {
        String queueId = Scenario.unique("q");
        try (TestSocket socket = TestSocket.supervisor(baseUri, supervisor)) {
            socket.await("overview");
            Scenario chat = new Scenario(UUID.randomUUID().toString(), queueId).started("Live").queued();
            JsonNode update = socket.await("overview", frame -> hasWaiting(frame, chat.conversationId));
            assertTrue(update.path("queues").toString().contains(queueId));

            chat.state(ConversationState.QUEUED, ConversationState.OFFERED, "OFFERED")
                    .state(ConversationState.OFFERED, ConversationState.CONNECTED, "ASSIGNED");
            socket.await("overview", frame -> !hasWaiting(frame, chat.conversationId));

            socket.sendText("{\"type\":\"ping\"}");
            assertEquals("READ_ONLY_SOCKET", socket.await("error").path("code").asText());
            socket.assertFramesMatchTheirSchemas();
            List<Long> arrivals = socket.arrivalMillis();
            assertTrue(arrivals.size() >= 3, "snapshot and two updates: " + socket.frames());
        }
    }

    @Test
    void aSupervisorMonitorsAnyLiveConversationReadOnlyOnTheDesktopSocketAudited() {
        String supervisorId = Scenario.unique("sup");
        String token = TestTokens.supervisor(supervisorId, "Sam Supervisor");
        Scenario chat = Scenario.newConversation(Fixtures.QUEUE).connectedWith("alice", "Alice");
        chat.customerSays("My card is ************1111");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token)
                .get("/api/supervisor/conversations").then().statusCode(200).extract().jsonPath()
                .getList("conversationId").contains(chat.conversationId));
        long lastSeq = chat.seq();
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token)
                .get("/api/supervisor/conversations").then().extract().jsonPath()
                .getLong("find { it.conversationId == '" + chat.conversationId + "' }.lastSeq") == lastSeq);

        try (TestSocket desk = TestSocket.agent(baseUri, token)) {
            desk.await("hello");
            desk.send(Map.of("type", "resume", "correlationId", "r-1", "lastSeq", Map.of(chat.conversationId, 0)));
            JsonNode resumed = desk.await("resumed");
            assertEquals(lastSeq, resumed.path("lastSeq").path(chat.conversationId).asLong());
            assertEquals("My card is ************1111", desk.await("message").path("text").asText(),
                    "the transcript as agents see it (masked by the masking service)");

            chat.customerSays("Are you still there?");
            desk.await("message", frame -> frame.path("text").asText().equals("Are you still there?"));

            desk.send(Map.of("type", "send", "correlationId", "s-1", "conversationId", chat.conversationId,
                    "clientMessageId", "m-1", "text", "I am only watching"));
            assertEquals("s-1", desk.await("error").path("correlationId").asText(), "read-only");
            desk.assertFramesMatchTheirSchemas();
        }

        // An agent cannot monitor a conversation they take no part in.
        try (TestSocket other = TestSocket.agent(baseUri, TestTokens.agent(Scenario.unique("agent"), "Other"))) {
            other.await("hello");
            other.send(Map.of("type", "resume", "correlationId", "r-2", "lastSeq", Map.of(chat.conversationId, 0)));
            assertEquals("NOT_FOUND", other.await("error").path("code").asText());
        }

        JsonPath audit = given().auth().oauth2(TestTokens.admin("root", "Root")).queryParam("conversationId",
                chat.conversationId).get("/api/admin/supervision-audit").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(supervisorId), audit.getList("supervisorId"));
        assertEquals("MONITOR", audit.getString("[0].action"));
        assertEquals("Sam Supervisor", audit.getString("[0].supervisorName"));
        given().auth().oauth2(token).get("/api/admin/supervision-audit").then().statusCode(403);
    }

    static boolean hasWaiting(JsonNode overview, String conversationId) {
        for (JsonNode waiting : overview.path("waiting")) {
            if (conversationId.equals(waiting.path("conversationId").asText())) {
                return true;
            }
        }
        return false;
    }
}
