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
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Barge-in and take-over on the real stack (issue 15): a supervisor barges in on a live chat, the customer's widget
 * socket gets the "joined" frame and the transcript lists it; the supervisor writes (masked like an agent); then
 * takes the chat over: the agent is told, leaves and wraps up, their slot freed; the supervisor ends the chat. Both
 * acts are in the supervision audit.
 */
class SupervisorBargeInEndToEndTest {

    @BeforeAll
    static void startSystem() {
        E2eStack.get();
    }

    @Test
    void aSupervisorBargesInThenTakesOver() throws Exception {
        Cast cast = Cast.of("Barge-in", "Alma Agent", "Sam Supervisor");
        String agentId = cast.agentId();
        String supervisorId = cast.supervisorId();
        String supervisor = cast.supervisorToken();
        try (AgentSession alma = cast.agent(); CustomerSession customer = cast.customer("Bea Barge")) {
            String id = customer.conversationId();
            alma.takeChat(id);
            customer.sendSeenBy(alma, "I would like to speak to a manager");

            Http.post(E2eStack.gateway(1) + "/api/supervisor/conversations/" + id + "/barge-in", supervisor, null)
                    .expect(202);
            customer.await("agent-joined", frame -> "Sam Supervisor".equals(frame.path("agentName").asText()));
            customer.awaitMessage("Sam Supervisor joined the chat");
            alma.awaitMessage(id, "Sam Supervisor joined the chat");

            Http.post(E2eStack.gateway(0) + "/api/conversations/" + id + "/messages", supervisor,
                    Map.of("clientMessageId", "sup-1", "text", "I am the manager. Card 4111 1111 1111 1111?"))
                    .expect(202);
            JsonNode fromSupervisor = customer.awaitMessage("I am the manager. Card ************1111?");
            assertEquals("Sam Supervisor", fromSupervisor.path("senderName").asText());
            alma.awaitMessage(id, "I am the manager. Card ************1111?");

            List<String> transcript = transcript(id);
            assertTrue(transcript.contains("SYSTEM Sam Supervisor joined the chat"), "transcript: " + transcript);
            assertTrue(transcript.contains("AGENT Sam Supervisor: I am the manager. Card ************1111?"),
                    "masked like an agent's: " + transcript);

            Http.post(E2eStack.gateway(0) + "/api/supervisor/conversations/" + id + "/take-over", supervisor, null)
                    .expect(202);
            alma.awaitMessage(id, "Sam Supervisor (supervisor) took over the chat. Please wrap up.");
            customer.await("agent-left", frame -> "Alma Agent".equals(frame.path("agentName").asText()));
            assertEquals(1, customer.socket().frames("agent-joined").stream()
                    .filter(frame -> "Sam Supervisor".equals(frame.path("agentName").asText())).count(),
                    "joined once, at the barge-in");
            alma.wrapUp(id, "RESOLVED").expect(202);
            Fixtures.awaitNothingHeld(alma);

            Http.post(E2eStack.gateway(1) + "/api/conversations/" + id + "/messages", supervisor,
                    Map.of("clientMessageId", "sup-2", "text", "I will take care of it myself.")).expect(202);
            customer.awaitMessage("I will take care of it myself.");
            Http.post(E2eStack.gateway(1) + "/api/conversations/" + id + "/end", supervisor, null).expect(202);
            customer.await("conversation-ended", frame -> "ENDED".equals(frame.path("state").asText()));
            // The agent who was taken over records the wrap-up; the supervisor records none.
            Fixtures.assertClosedWithOneWrapUpEach(id, agentId);

            JsonNode audit = Http.get(E2eStack.gateway(0) + "/api/admin/supervision-audit?conversationId=" + id,
                    Fixtures.adminToken()).expect(200).body();
            List<String> acts = new ArrayList<>();
            audit.forEach(entry -> acts.add(entry.path("action").asText() + " " + entry.path("supervisorId").asText()));
            assertEquals(List.of("TAKE_OVER " + supervisorId, "BARGE_IN " + supervisorId), acts);
        }
    }

    /**
     * The live-chat list after a take-over: when the customer then ends the chat, its row says so ("Customer left",
     * {@code CUSTOMER_ENDED}) instead of staying {@code CONNECTED} ("In progress"), and it leaves the list once the
     * supervisor ends it.
     */
    @Test
    void theLiveChatListFollowsACustomerEndAfterATakeOver() throws Exception {
        Cast cast = Cast.of("Take-over end", "Otto Agent", "Sue Supervisor");
        String supervisor = cast.supervisorToken();
        try (AgentSession otto = cast.agent(); CustomerSession customer = cast.customer("Cleo Ends")) {
            String id = customer.conversationId();
            otto.takeChat(id);
            assertEquals("CONNECTED", liveState(supervisor, id));

            Http.post(E2eStack.gateway(0) + "/api/supervisor/conversations/" + id + "/take-over", supervisor, null)
                    .expect(202);
            customer.await("agent-left", frame -> "Otto Agent".equals(frame.path("agentName").asText()));
            customer.end().expect(202);
            customer.await("conversation-ended", frame -> true);

            await().atMost(Duration.ofSeconds(30)).until(() -> !"CONNECTED".equals(liveState(supervisor, id)));
            assertEquals("CUSTOMER_ENDED", liveState(supervisor, id), "the row after the customer ended");

            Http.post(E2eStack.gateway(1) + "/api/conversations/" + id + "/end", supervisor, null).expect(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> liveState(supervisor, id) == null);
        }
    }

    /** A queue of its own with one agent, and a supervisor signed in. */
    private record Cast(String queue, String agentId, String supervisorId, String supervisorToken) {

        static Cast of(String queueName, String agentName, String supervisorName) {
            String queue = Fixtures.queue(queueName, 30);
            String supervisorId = Fixtures.supervisor(supervisorName);
            return new Cast(queue, Fixtures.agent(agentName, queue), supervisorId,
                    Fixtures.login(E2eStack.gateway(1), supervisorId));
        }

        /** The agent signed in and available. */
        AgentSession agent() {
            return AgentSession.login(E2eStack.gateway(0), agentId).available();
        }

        CustomerSession customer(String name) {
            return CustomerSession.start(E2eStack.gateway(1), queue, name,
                    name.toLowerCase().replace(' ', '.') + "@example.com", null);
        }
    }

    /** The conversation's state in the supervisors' live-chat list, null when it is not listed. */
    private static String liveState(String supervisorToken, String conversationId) {
        JsonNode list = Http.get(E2eStack.gateway(0) + "/api/supervisor/conversations?limit=1000", supervisorToken)
                .expect(200).body();
        for (JsonNode chat : list) {
            if (conversationId.equals(chat.path("conversationId").asText())) {
                return chat.path("state").asText();
            }
        }
        return null;
    }

    /** The stored transcript: "<sender type> <name>: <text>" for agents, "SYSTEM <text>" for system lines. */
    private static List<String> transcript(String conversationId) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection db = E2eStack.database(LivechatService.CONVERSATION);
                PreparedStatement query = db.prepareStatement("select sender_type, sender_name, text from chat_message"
                        + " where conversation_id = ? order by seq")) {
            query.setString(1, conversationId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    lines.add("SYSTEM".equals(rows.getString(1)) ? "SYSTEM " + rows.getString(3)
                            : rows.getString(1) + " " + rows.getString(2) + ": " + rows.getString(3));
                }
            }
        }
        return lines;
    }
}
