package com.livechat.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.testsupport.stack.DemoData;
import com.livechat.testsupport.stack.Http;
import com.livechat.testsupport.stack.LivechatService;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fresh queues and agents for one scenario, created the way an administrator would (through the gateway: routing's
 * admin API behind {@code /api/admin/routing}, and the gateway's account API), so scenarios never meet each other's
 * chats or agents.
 */
public final class Fixtures {

    private static String adminToken;

    private Fixtures() {
    }

    /** A new queue with the given RONA timeout; returns its id once the gateway knows it. */
    public static String queue(String name, int ronaTimeoutSeconds) {
        String id = "q-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name + " " + id);
        body.put("ronaTimeoutSeconds", ronaTimeoutSeconds);
        body.put("strategy", "LONGEST_AVAILABLE_AGENT");
        Http.put(adminApi("routing") + "/queues/" + id, adminToken(), body).expect(200, 201);
        String admin = adminToken();
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(E2eStack.gateway(0)
                + "/api/transfer-targets?search=" + id, admin).raw().contains(id));
        return id;
    }

    /** A new agent serving {@code queueIds} (capacity 3), with a gateway account; returns its id. */
    public static String agent(String displayName, String... queueIds) {
        return agent(displayName, 3, queueIds);
    }

    /** A new agent with {@code capacity} serving {@code queueIds} (none: only transfers and conferences reach them). */
    public static String agent(String displayName, int capacity, String... queueIds) {
        String id = "a-" + UUID.randomUUID().toString().substring(0, 8);
        Http.put(adminApi("routing") + "/agents/" + id, adminToken(),
                Map.of("displayName", displayName, "queueIds", List.of(queueIds), "capacity", capacity))
                .expect(200, 201);
        Http.put(E2eStack.gateway(0) + "/api/admin/accounts/" + id, adminToken(), Map.of("displayName", displayName,
                "password", DemoData.AGENT_PASSWORD, "roles", List.of("agent"))).expect(200, 201, 204);
        return id;
    }

    /** A token of an account made here (an agent or a supervisor), logged in on {@code gateway}. */
    public static String login(String gateway, String accountId) {
        return DemoData.login(gateway, accountId, DemoData.AGENT_PASSWORD);
    }

    /** A new supervisor account (role supervisor only); returns its id. */
    public static String supervisor(String displayName) {
        String id = "s-" + UUID.randomUUID().toString().substring(0, 8);
        Http.put(E2eStack.gateway(0) + "/api/admin/accounts/" + id, adminToken(), Map.of("displayName", displayName,
                "password", DemoData.AGENT_PASSWORD, "roles", List.of("supervisor"))).expect(200, 201, 204);
        return id;
    }

    /** The chats waiting in a queue, in the order routing will offer them (routing's operations view). */
    public static List<String> waitingIn(String queueId) {
        return Http.get(E2eStack.url(LivechatService.ROUTING) + "/queues/" + queueId + "/waiting", adminToken()).expect(200)
                .body().findValuesAsText("conversationId");
    }

    /** Deletes a queue as an administrator would. */
    public static void deleteQueue(String queueId) {
        Http.delete(adminApi("routing") + "/queues/" + queueId, adminToken()).expect(200, 204);
    }

    /** Wrap-up records per agent of a conversation, from the conversation service's database. */
    public static Map<String, Integer> wrapUpsPerAgent(String conversationId) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection db = E2eStack.database(LivechatService.CONVERSATION);
                PreparedStatement query = db.prepareStatement(
                        "select agent_id, count(*) from wrap_up where conversation_id = ? group by agent_id")) {
            query.setString(1, conversationId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return counts;
    }

    /**
     * Waits until the conversation is CLOSED in the conversation service's database, then checks that each of
     * {@code agentIds} has exactly one wrap-up record and nobody else has any.
     */
    public static void assertClosedWithOneWrapUpEach(String conversationId, String... agentIds) throws SQLException {
        Map<String, Integer> expected = new HashMap<>();
        for (String agentId : agentIds) {
            expected.put(agentId, 1);
        }
        assertClosedWithWrapUps(conversationId, expected);
    }

    /**
     * Waits until the conversation is CLOSED in the conversation service's database, then checks the number of
     * wrap-up records of each agent (one per participation they had) and that nobody else has any.
     */
    public static void assertClosedWithWrapUps(String conversationId, Map<String, Integer> expected)
            throws SQLException {
        await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(storedState(conversationId)));
        assertEquals(expected, wrapUpsPerAgent(conversationId), "wrap-up records per agent of " + conversationId);
    }

    /**
     * The agent's participations in the conversation, oldest first, from the conversation service's database:
     * {@code "<state> <wrap-up reason code or ->"} each.
     */
    public static List<String> participationsOf(String conversationId, String agentId) throws SQLException {
        List<String> participations = new ArrayList<>();
        try (Connection db = E2eStack.database(LivechatService.CONVERSATION);
                PreparedStatement query = db.prepareStatement("select p.state, coalesce(w.reason_code, '-')"
                        + " from participation p left join wrap_up w on w.participation_id = p.id"
                        + " where p.conversation_id = ? and p.agent_id = ? order by p.id")) {
            query.setString(1, conversationId);
            query.setString(2, agentId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    participations.add(rows.getString(1) + " " + rows.getString(2));
                }
            }
        }
        return participations;
    }

    /**
     * Waits until nothing is left half-done for these agents: routing holds no active chat and no pending offer for
     * them, and the gateway shows no load, no current conversation and no offer.
     */
    public static void awaitNothingHeld(AgentSession... agents) {
        for (AgentSession agent : agents) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode routing = Http.get(adminApi("routing") + "/agents/"
                        + agent.agentId(), adminToken()).expect(200).body();
                assertEquals(0, routing.path("activeChats").asInt(), "routing's active chats of " + routing);
                assertEquals(0, routing.path("pendingOffers").asInt(), "routing's pending offers of " + routing);
                assertEquals(0, agent.presence().path("activeChats").asInt(), "gateway presence of "
                        + agent.agentId());
                assertEquals("[]", agent.get("/api/agent/conversations").expect(200).body().toString(),
                        "current conversations of " + agent.agentId());
                assertEquals("[]", agent.get("/api/agent/offers").expect(200).body().toString(),
                        "pending offers of " + agent.agentId());
            });
        }
    }

    /** The conversation's state in the conversation service's database. */
    public static String storedState(String conversationId) throws SQLException {
        try (Connection db = E2eStack.database(LivechatService.CONVERSATION);
                PreparedStatement query = db.prepareStatement("select state from conversation where id = ?")) {
            query.setString(1, conversationId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** The gateway's door to an owner's admin API: {@code /api/admin/<owner>} (routing, conversation, masking). */
    public static String adminApi(String owner) {
        return E2eStack.gateway(0) + "/api/admin/" + owner;
    }

    /** The administrator's token (logged in once; valid for hours, and the gateway's keys never change). */
    public static synchronized String adminToken() {
        if (adminToken == null) {
            adminToken = DemoData.login(E2eStack.gateway(0), "admin", E2eStack.ADMIN_PASSWORD);
        }
        return adminToken;
    }
}
