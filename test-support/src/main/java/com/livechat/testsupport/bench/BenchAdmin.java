package com.livechat.testsupport.bench;

import com.livechat.testsupport.stack.DemoData;
import com.livechat.testsupport.stack.Http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The administration a load run needs, through the gateway's admin API: a queue of its own, agents in it with an
 * account each (password {@link DemoData#AGENT_PASSWORD}). Used by {@code ./livechat bench} and {@code ./livechat
 * faults}.
 */
public final class BenchAdmin {

    private BenchAdmin() {
    }

    /** Creates (or updates) queue {@code queueId}: longest-available agent, a RONA time-out of 5 minutes. */
    public static void createQueue(String gateway, String adminToken, String queueId, String name) {
        Map<String, Object> queue = new LinkedHashMap<>();
        queue.put("name", name);
        queue.put("ronaTimeoutSeconds", 300);
        queue.put("strategy", "LONGEST_AVAILABLE_AGENT");
        Http.put(gateway + "/api/admin/routing/queues/" + queueId, adminToken, queue).expect(200, 201);
    }

    /** Creates (or updates) agent {@code agentId} in {@code queueId} with {@code capacity}, and its account. */
    public static void createAgent(String gateway, String adminToken, String agentId, String queueId, int capacity) {
        Http.put(gateway + "/api/admin/routing/agents/" + agentId, adminToken, Map.of("displayName",
                "Bench agent " + agentId, "queueIds", List.of(queueId), "capacity", capacity)).expect(200, 201);
        Http.put(gateway + "/api/admin/accounts/" + agentId, adminToken, Map.of("displayName",
                "Bench agent " + agentId, "password", DemoData.AGENT_PASSWORD, "roles", List.of("agent")))
                .expect(200, 201, 204);
    }

    /** Whether the gateway's projections know {@code queueId} yet (it comes through Kafka). */
    public static boolean gatewayKnowsQueue(String gateway, String adminToken, String queueId) {
        String targets = Http.get(gateway + "/api/transfer-targets?search=" + queueId, adminToken).raw();
        return targets != null && targets.contains(queueId);
    }
}
