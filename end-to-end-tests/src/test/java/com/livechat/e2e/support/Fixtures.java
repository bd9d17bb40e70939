package com.livechat.e2e.support;

import com.livechat.testsupport.stack.DemoData;
import com.livechat.testsupport.stack.Http;
import com.livechat.testsupport.stack.LivechatService;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Fresh queues and agents for one scenario, created the way an administrator would (routing's admin API and the
 * gateway's account API), so scenarios never meet each other's chats or agents.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** A new queue with the given RONA timeout; returns its id once the gateway knows it. */
    public static String queue(String name, int ronaTimeoutSeconds) {
        String id = "q-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name + " " + id);
        body.put("ronaTimeoutSeconds", ronaTimeoutSeconds);
        body.put("strategy", "LONGEST_AVAILABLE_AGENT");
        Http.put(E2eStack.url(LivechatService.ROUTING) + "/admin/queues/" + id, null, body).expect(200, 201);
        String admin = adminToken();
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(E2eStack.gateway(0)
                + "/api/transfer-targets?search=" + id, admin).raw().contains(id));
        return id;
    }

    /** A new agent serving {@code queueIds} (capacity 3), with a gateway account; returns its id. */
    public static String agent(String displayName, String... queueIds) {
        String id = "a-" + UUID.randomUUID().toString().substring(0, 8);
        Http.put(E2eStack.url(LivechatService.ROUTING) + "/admin/agents/" + id, null,
                Map.of("displayName", displayName, "queueIds", List.of(queueIds), "capacity", 3)).expect(200, 201);
        Http.put(E2eStack.gateway(0) + "/api/admin/accounts/" + id, adminToken(), Map.of("displayName", displayName,
                "password", DemoData.AGENT_PASSWORD, "roles", List.of("agent"))).expect(200, 201, 204);
        return id;
    }

    /** Deletes a queue as an administrator would. */
    public static void deleteQueue(String queueId) {
        Http.delete(E2eStack.url(LivechatService.ROUTING) + "/admin/queues/" + queueId).expect(200, 204);
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

    private static String adminToken() {
        return DemoData.login(E2eStack.gateway(0), "admin", E2eStack.ADMIN_PASSWORD);
    }
}
