package com.livechat.e2e;

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
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Customer inactivity on the whole stack (issue 14): a customer who goes silent is warned, then the chat ends
 * INACTIVE with the agent in wrap-up; the end still happens, once, when the conversation service (the timer's owner)
 * restarts between the warning and the end. The queues here set short inactivity times through routing's admin API.
 */
public class CustomerInactivityEndToEndTest {

    private static final String INACTIVE_TEXT = "The customer did not reply: the chat ended for inactivity";

    @BeforeAll
    static void startSystem() {
        E2eStack.get();
    }

    @Test
    void aSilentCustomerIsWarnedThenTheChatEndsInactiveWithTheAgentInWrapUp() throws Exception {
        String queue = quietQueue("Quiet", 4, 4);
        String agentId = Fixtures.agent("Iris Inactive", queue);
        try (AgentSession agent = AgentSession.login(E2eStack.gateway(0), agentId).available();
                CustomerSession customer = CustomerSession.start(E2eStack.gateway(1), queue, "Sam Silent", null,
                        null)) {
            String id = customer.conversationId();
            agent.takeChat(id);
            customer.sendSeenBy(agent, "Hello, one question");
            // The agent writing does not keep the chat open: only the customer's messages count.
            agent.send(id, "Sure, what is it?").expect(202);

            var warning = customer.await("inactivity-warning", frame -> true);
            assertTrue(Instant.parse(warning.path("endsAt").asText())
                    .isAfter(Instant.parse(warning.path("occurredAt").asText())));
            customer.await("conversation-ended", frame -> "INACTIVE".equals(frame.path("state").asText()));
            var alert = agent.await("customer-ended", id, frame -> "INACTIVE".equals(frame.path("to").asText()));
            assertEquals(INACTIVE_TEXT, alert.path("text").asText());
            agent.await("participant", id, frame -> agent.isAboutMe(frame)
                    && "WRAP_UP".equals(frame.path("to").asText()));
            assertEquals("ENDED", Fixtures.storedState(id), "ended, the wrap-up still owed");
            assertEquals(409, customer.send("Am I still there?").status(), "the chat is over for the customer");

            agent.wrapUp(id, "RESOLVED").expect(202);
            Fixtures.assertClosedWithOneWrapUpEach(id, agentId);
            Fixtures.awaitNothingHeld(agent);
        }
    }

    @Test
    void theEndStillHappensOnceWhenTheConversationServiceRestartsBetweenWarningAndEnd() throws Exception {
        String queue = quietQueue("Restart", 3, 15);
        String agentId = Fixtures.agent("Rita Restart", queue);
        try (AgentSession agent = AgentSession.login(E2eStack.gateway(0), agentId).available();
                CustomerSession customer = CustomerSession.start(E2eStack.gateway(0), queue, "Ray Restart", null,
                        null)) {
            String id = customer.conversationId();
            agent.takeChat(id);
            customer.await("inactivity-warning", frame -> true);

            E2eStack.restart(LivechatService.CONVERSATION, Map.of());

            customer.await("conversation-ended", frame -> "INACTIVE".equals(frame.path("state").asText()));
            agent.await("participant", id, frame -> agent.isAboutMe(frame)
                    && "WRAP_UP".equals(frame.path("to").asText()));
            agent.wrapUp(id, "RESOLVED").expect(202);
            Fixtures.assertClosedWithOneWrapUpEach(id, agentId);
            assertEquals(1, count("select count(*) from chat_message where conversation_id = ? and text = ?", id,
                    INACTIVE_TEXT), "one end for inactivity");
            assertEquals(1, count("select count(*) from participation where conversation_id = ? and state = 'DONE'",
                    id), "one participation, wrapped up once");
            Fixtures.awaitNothingHeld(agent);
        }
    }

    /** A fresh queue whose customers are warned after {@code warning} s of silence and dropped {@code grace} s later. */
    public static String quietQueue(String name, int warning, int grace) {
        String id = Fixtures.queue(name, 30);
        setInactivity(id, name + " " + id, 30, warning, grace);
        return id;
    }

    /** Gives an existing queue (its full name and RONA timeout kept) these customer-inactivity settings. */
    public static void setInactivity(String queueId, String fullName, int ronaTimeoutSeconds, int warning, int grace) {
        Http.put(Fixtures.adminApi("routing") + "/queues/" + queueId, Fixtures.adminToken(), Map.of("name", fullName,
                "ronaTimeoutSeconds", ronaTimeoutSeconds, "inactivityWarningSeconds", warning,
                "inactivityGraceSeconds", grace)).expect(200);
    }

    private static long count(String sql, String... parameters) throws SQLException {
        try (Connection db = E2eStack.database(LivechatService.CONVERSATION);
                PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
