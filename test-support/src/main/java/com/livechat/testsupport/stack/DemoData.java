package com.livechat.testsupport.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo data of the local stack, also the fixture of the end-to-end suite: two queues, idle codes, agents with
 * passwords, wrap-up reasons and templates, created by the {@code admin} account through the gateway (its
 * {@code /api/admin/...} APIs, as the admin console does). Every call is an idempotent PUT, so seeding twice
 * changes nothing.
 */
public final class DemoData {

    /** Password of every demo agent account. */
    public static final String AGENT_PASSWORD = "livechat";

    public record Agent(String id, String displayName, List<String> queueIds, int capacity, List<String> roles) {
    }

    public static final List<Agent> AGENTS = List.of(
            new Agent("alice", "Alice Martin", List.of("support", "sales"), 3, List.of("agent")),
            new Agent("bob", "Bob Dupont", List.of("support"), 2, List.of("agent")),
            new Agent("chloe", "Chloé Bernard", List.of("sales", "support"), 3, List.of("agent")),
            new Agent("sam", "Sam Leroy", List.of("support"), 3, List.of("agent", "supervisor")));

    private DemoData() {
    }

    public static void seed(String gatewayUrl, String adminPassword) {
        String admin = login(gatewayUrl, "admin", adminPassword);
        String routingUrl = gatewayUrl + "/api/admin/routing";
        String conversationUrl = gatewayUrl + "/api/admin/conversation";
        Http.put(routingUrl + "/queues/support", admin, queue("Support")).expect(200, 201);
        Http.put(routingUrl + "/queues/sales", admin, queue("Sales")).expect(200, 201);
        for (Agent agent : AGENTS) {
            Http.put(routingUrl + "/agents/" + agent.id(), admin, Map.of("displayName", agent.displayName(),
                    "queueIds", agent.queueIds(), "capacity", agent.capacity())).expect(200, 201);
        }
        // Idle codes last: the gateway reads reference data in order, so once it lists them it knows the rest.
        Map<String, String> idleCodes = new LinkedHashMap<>();
        idleCodes.put("BREAK", "Break");
        idleCodes.put("MEETING", "Meeting");
        idleCodes.put("LUNCH", "Lunch");
        idleCodes.put("TRAINING", "Training");
        idleCodes.forEach((code, label) ->
                Http.put(routingUrl + "/idle-codes/" + code, admin, Map.of("label", label)).expect(200, 201));

        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("RESOLVED", "Resolved");
        reasons.put("FOLLOW_UP", "Follow-up needed");
        reasons.put("TRANSFERRED", "Transferred");
        reasons.put("NO_RESPONSE", "Customer did not respond");
        reasons.put("SALES_OPPORTUNITY", "Sales opportunity");
        reasons.forEach((code, label) -> Http.put(conversationUrl + "/wrap-up-reasons/" + code, admin,
                Map.of("label", label)).expect(200, 201));
        Http.put(conversationUrl + "/templates/greeting", admin, Map.of("name", "Greeting",
                "body", "Hello <customerName>, my name is <agentName>. How can I help you today?")).expect(200, 201);
        Http.put(conversationUrl + "/templates/closing", admin, Map.of("name", "Closing",
                "body", "Thank you for contacting <queueName>, <customerName>. Have a nice day!")).expect(200, 201);

        for (Agent agent : AGENTS) {
            Http.put(gatewayUrl + "/api/admin/accounts/" + agent.id(), admin, Map.of("displayName",
                    agent.displayName(), "password", AGENT_PASSWORD, "roles", agent.roles())).expect(200, 201, 204);
        }
        awaitGatewayKnowsReferenceData(gatewayUrl, admin, Duration.ofSeconds(60));
    }

    public static String login(String gatewayUrl, String username, String password) {
        return Http.post(gatewayUrl + "/api/auth/login", null, Map.of("username", username, "password", password))
                .expect(200).body().get("token").asText();
    }

    private static Map<String, Object> queue(String name) {
        Map<String, Object> queue = new LinkedHashMap<>();
        queue.put("name", name);
        queue.put("ronaTimeoutSeconds", 30);
        queue.put("strategy", "LONGEST_AVAILABLE_AGENT");
        return queue;
    }

    private static void awaitGatewayKnowsReferenceData(String gatewayUrl, String token, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            String idleCodes = Http.get(gatewayUrl + "/api/idle-codes", token).raw();
            String reasons = Http.get(gatewayUrl + "/api/wrap-up-reasons", token).raw();
            if (idleCodes != null && idleCodes.contains("TRAINING") && reasons != null
                    && reasons.contains("SALES_OPPORTUNITY")) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("The gateway did not receive the demo reference data within " + timeout);
    }
}
