package com.livechat.gateway.support;

import com.livechat.testsupport.auth.TestTokens;
import io.restassured.RestAssured;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** Reference data every test relies on, published once and awaited until the gateway lists it. */
public final class Fixtures {

    public static final String QUEUE = "support";
    public static final String IDLE_CODE = "BREAK";
    public static final String WRAP_UP_REASON = "RESOLVED";
    public static final String TEMPLATE = "greeting";

    private static boolean published;

    private Fixtures() {
    }

    public static synchronized void referenceData() {
        if (published) {
            return;
        }
        Scenario.queue(QUEUE, "Support");
        Scenario.queue("sales", "Sales");
        Scenario.idleCode("LUNCH", "Lunch");
        Scenario.wrapUpReason(WRAP_UP_REASON, "Resolved");
        Scenario.wrapUpReason("FOLLOW_UP", "Follow-up needed");
        Scenario.template(TEMPLATE, "Greeting", "Hello <customerName>");
        Scenario.idleCode(IDLE_CODE, "Break");
        String token = TestTokens.agent("fixture-reader", "Reader");
        // Idle codes were published last on the single-partition topic: once listed, the rest is there too.
        await().atMost(Duration.ofSeconds(60)).until(() -> RestAssured.given().auth().oauth2(token)
                .get("/api/idle-codes").asString().contains(IDLE_CODE));
        published = true;
    }

    /** A new conversation in {@link #QUEUE} connected with the agent, once the gateway lists it among theirs. */
    public static Scenario connectedChat(String agentId, String agentName) {
        Scenario chat = Scenario.newConversation(QUEUE).connectedWith(agentId, agentName);
        awaitCurrentConversation(TestTokens.agent(agentId, agentName), chat.conversationId);
        return chat;
    }

    /** Waits until the gateway lists {@code conversationId} among the agent's current conversations (projected). */
    public static void awaitCurrentConversation(String agentToken, String conversationId) {
        await().atMost(TestSocket.WAIT).until(() -> RestAssured.given().auth().oauth2(agentToken)
                .get("/api/agent/conversations").asString().contains(conversationId));
    }
}
