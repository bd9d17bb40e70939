package com.livechat.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.e2e.support.AgentSession;
import com.livechat.e2e.support.CustomerSession;
import com.livechat.e2e.support.E2eStack;
import com.livechat.e2e.support.Fixtures;
import com.livechat.testsupport.stack.Http;
import com.livechat.testsupport.stack.LivechatService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 on the real stack, the agent on one gateway instance and the customer on the other: typing indicators
 * both ways (shown, then gone, never stored), and the satisfaction survey recorded once even when submitted twice.
 */
class CustomerLiveEndToEndTest {

    @BeforeAll
    static void startSystem() {
        E2eStack.get();
    }

    @Test
    void typingCrossesInstancesAndTheSurveyIsRecordedOnce() throws Exception {
        // A queue and an agent of this test's own: a shared demo agent may already be AVAILABLE (no state frame).
        String queue = Fixtures.queue("Live", 30);
        try (AgentSession alice = AgentSession.login(E2eStack.gateway(0), Fixtures.agent("Live Agent", queue))
                        .available();
                CustomerSession customer = CustomerSession.start(E2eStack.gateway(1), queue, "Jean Dupont",
                        "jean.dupont@example.com", null)) {
            String conversationId = customer.conversationId();
            alice.takeChat(conversationId);
            customer.socket().await("agent-joined", AgentSession.WAIT);

            // The customer types on instance 1; the agent's socket on instance 0 shows it, then it disappears.
            await().atMost(AgentSession.WAIT).pollInterval(Duration.ofMillis(2100)).until(() -> {
                customer.socket().send(Map.of("type", "typing", "typing", true));
                return alice.socket().frames("typing").stream()
                        .anyMatch(f -> conversationId.equals(f.path("conversationId").asText())
                                && f.path("typing").asBoolean());
            });
            customer.socket().send(Map.of("type", "typing", "typing", false));
            alice.await("typing", conversationId, f -> !f.path("typing").asBoolean());

            // The agent types: the widget's socket shows "agent is typing", without the agent's id.
            await().atMost(AgentSession.WAIT).pollInterval(Duration.ofMillis(2100)).until(() -> {
                alice.socket().send(Map.of("type", "typing", "conversationId", conversationId, "typing", true));
                return !customer.socket().frames("typing").isEmpty();
            });
            JsonNode agentTyping = customer.socket().frames("typing").get(0);
            assertTrue(agentTyping.path("typing").asBoolean());
            assertTrue(agentTyping.path("agentId").isMissingNode());

            customer.sendSeenBy(alice, "Thanks, bye");
            customer.end().expect(202);
            alice.await("customer-ended", conversationId, f -> true);
            alice.end(conversationId).expect(202);
            alice.wrapUp(conversationId, "RESOLVED").expect(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(Fixtures.storedState(conversationId)));

            // Submitted twice at once (and on both instances): both may be accepted, only the first is recorded.
            String survey = "/api/chats/" + conversationId + "/survey";
            Map<String, Object> first = Map.of("rating", 4, "comment", "Quick, card 4111 1111 1111 1111 fixed");
            Http.Response one = Http.post(E2eStack.gateway(1) + survey, customer.token(), first);
            Http.Response two = Http.post(E2eStack.gateway(0) + survey, customer.token(), Map.of("rating", 1));
            assertEquals(202, one.status(), one.raw());
            assertTrue(two.status() == 202 || two.status() == 409, two.raw());
            await().atMost(Duration.ofSeconds(30)).until(() -> Http.post(E2eStack.gateway(1) + survey,
                    customer.token(), Map.of("rating", 2)).status() == 409);
            Http.Response again = Http.post(E2eStack.gateway(0) + survey, customer.token(), Map.of("rating", 5));
            assertEquals(409, again.status());
            assertEquals("SURVEY_ALREADY_SUBMITTED", again.body().path("code").asText());

            assertEquals("1 4 Quick, card ************1111 fixed", storedSurveys(conversationId));
            Http.post(E2eStack.gateway(0) + survey, customer.token(), Map.of("rating", 6)).expect(400);

            await().atMost(Duration.ofSeconds(30)).until(() -> alice.get("/api/agent/history").expect(200).body()
                    .path("items").findValuesAsText("conversationId").contains(conversationId));
            JsonNode history = alice.get("/api/agent/history").expect(200).body();
            JsonNode item = null;
            for (JsonNode candidate : history.path("items")) {
                if (conversationId.equals(candidate.path("conversationId").asText())) {
                    item = candidate;
                }
            }
            assertEquals(4, item.path("surveyRating").asInt(), history.toString());
            assertFalse(storedTranscriptMentionsTyping(conversationId), "typing is never stored in the transcript");
        }
    }

    /**
     * Read receipts, the agent on instance 0 and the customer on instance 1: each side's receipts reach the other
     * side in order (seq and upToSeq rising), a receipt for a seq that does not exist is refused, a repeated one
     * publishes nothing, and a reconnecting customer finds the agent's read position in its hello.
     */
    @Test
    void readReceiptsArriveInOrderAcrossInstances() throws Exception {
        // A queue and an agent of this test's own: a shared demo agent may already be AVAILABLE (no state frame).
        String queue = Fixtures.queue("Live", 30);
        String agentId = Fixtures.agent("Live Agent", queue);
        try (AgentSession alice = AgentSession.login(E2eStack.gateway(0), agentId).available();
                CustomerSession customer = CustomerSession.start(E2eStack.gateway(1), queue, "Marie Curie",
                        "marie.curie@example.com", null)) {
            String conversationId = customer.conversationId();
            alice.takeChat(conversationId);
            customer.socket().await("agent-joined", AgentSession.WAIT);

            customer.send("First question").expect(202);
            long first = alice.awaitMessage(conversationId, "First question").path("seq").asLong();
            alice.socket().send(Map.of("type", "read", "conversationId", conversationId, "seq", first));
            customer.send("Second question").expect(202);
            long second = alice.awaitMessage(conversationId, "Second question").path("seq").asLong();
            alice.socket().send(Map.of("type", "read", "conversationId", conversationId, "seq", second));
            // Again (another tab): nothing new is published.
            alice.socket().send(Map.of("type", "read", "conversationId", conversationId, "seq", second));

            java.util.List<JsonNode> reads = await().atMost(AgentSession.WAIT)
                    .until(() -> customer.socket().frames("messages-read"), frames -> frames.size() >= 2);
            assertEquals(java.util.List.of(first, second),
                    reads.stream().map(f -> f.path("upToSeq").asLong()).toList());
            assertTrue(reads.get(0).path("seq").asLong() < reads.get(1).path("seq").asLong());

            alice.send(conversationId, "Here is the answer").expect(202);
            long answer = customer.awaitMessage("Here is the answer").path("seq").asLong();
            customer.socket().send(Map.of("type", "read", "seq", answer + 1000, "correlationId", "bad-seq"));
            assertEquals("UNKNOWN_SEQ", customer.await("error",
                    f -> "bad-seq".equals(f.path("correlationId").asText())).path("code").asText());
            customer.socket().send(Map.of("type", "read", "seq", answer));
            JsonNode seen = alice.await("messages-read", conversationId, f -> f.path("upToSeq").asLong() == answer);
            assertTrue(seen.path("seq").asLong() > reads.get(1).path("seq").asLong());

            Thread.sleep(1000);
            assertEquals(2, customer.socket().frames("messages-read").size(), "the repeated receipt published nothing");
            assertEquals(second, storedReadSeq(conversationId, "agent:" + agentId));
            assertEquals(answer, storedReadSeq(conversationId, "customer"));
        }
    }

    private static long storedReadSeq(String conversationId, String readerKey) throws Exception {
        try (Connection db = E2eStack.database(LivechatService.CONVERSATION);
                PreparedStatement query = db.prepareStatement("select last_read_seq from read_position "
                        + "where conversation_id = ? and reader_key = ?")) {
            query.setString(1, conversationId);
            query.setString(2, readerKey);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "no read position stored for " + readerKey);
                return row.getLong(1);
            }
        }
    }

    /** "count rating comment" of the conversation's surveys in the conversation service's database. */
    private static String storedSurveys(String conversationId) throws Exception {
        try (Connection db = E2eStack.database(LivechatService.CONVERSATION);
                PreparedStatement query = db.prepareStatement("select count(*) over (), rating, comment from survey "
                        + "where conversation_id = ?")) {
            query.setString(1, conversationId);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "no survey stored");
                return row.getInt(1) + " " + row.getInt(2) + " " + row.getString(3);
            }
        }
    }

    private static boolean storedTranscriptMentionsTyping(String conversationId) throws Exception {
        try (Connection db = E2eStack.database(LivechatService.GATEWAY);
                PreparedStatement query = db.prepareStatement(
                        "select count(*) from conversation_event where conversation_id = ? and payload like '%yping%'")) {
            query.setString(1, conversationId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1) > 0;
            }
        }
    }
}
