package com.livechat.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.e2e.support.AgentSession;
import com.livechat.e2e.support.CustomerSession;
import com.livechat.e2e.support.E2eStack;
import com.livechat.e2e.support.Fixtures;
import com.livechat.testsupport.CardNumberScan;
import com.livechat.testsupport.stack.LivechatService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole chat through the gateway only, with the agent on one gateway instance and the customer on the other:
 * start in Support, offer over the agent's socket, accept, a message each way (the card number masked), customer
 * ends, agent ends and wraps up, and the conversation is CLOSED in the conversation service's own database.
 */
class WholeChatEndToEndTest {

    @BeforeAll
    static void startSystem() {
        E2eStack.get();
    }

    @Test
    void wholeChatAcrossTwoGatewayInstances() throws Exception {
        try (AgentSession alice = AgentSession.login(E2eStack.gateway(0), "alice").available();
                CustomerSession customer = CustomerSession.start(E2eStack.gateway(1), "support", "Jean Dupont",
                        "jean.dupont@example.com", "+33 6 12 34 56 78")) {
            String conversationId = customer.conversationId();

            JsonNode offer = alice.awaitOffer(conversationId);
            assertEquals("Support", offer.path("queueName").asText());
            assertEquals("Alice Martin", offer.path("agentName").asText());
            assertFalse(offer.path("receivedAt").asText().isEmpty(), "the desktop timer needs receivedAt");

            alice.accept(offer.path("offerId").asText()).expect(202);
            customer.socket().await("agent-joined", AgentSession.WAIT);

            customer.send("Hello, my card 4111 1111 1111 1111 was charged twice").expect(202);
            alice.awaitMessage(conversationId, "Hello, my card ************1111 was charged twice");

            alice.send(conversationId, "Hello Jean,\nlet me check that for you.").expect(202);
            customer.awaitMessage("Hello Jean,\nlet me check that for you.");

            customer.end().expect(202);
            alice.socket().await("customer-ended", f -> conversationId.equals(f.path("conversationId").asText()),
                    AgentSession.WAIT);

            alice.end(conversationId).expect(202);
            alice.wrapUp(conversationId, "RESOLVED").expect(202);

            await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(Fixtures.storedState(conversationId)));
            assertNoUnmaskedCardStored(conversationId);
            JsonNode history = alice.get("/api/agent/history").expect(200).body();
            assertTrue(history.toString().contains(conversationId), "the chat is in Alice's history: " + history);
        }
    }

    /** The card number the customer typed reached neither the transcript nor the gateway's projections. */
    private static void assertNoUnmaskedCardStored(String conversationId) throws Exception {
        for (LivechatService service : List.of(LivechatService.CONVERSATION, LivechatService.GATEWAY)) {
            try (Connection db = E2eStack.database(service)) {
                assertEquals(List.of(), CardNumberScan.unmaskedCardNumbers(db), service + " stored a card number");
            }
        }
        try (Connection db = E2eStack.database(LivechatService.CONVERSATION);
                PreparedStatement query = db.prepareStatement(
                        "select count(*) from chat_message where conversation_id = ? and text like '%************1111%'")) {
            query.setString(1, conversationId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertEquals(1, row.getInt(1), "the masked message is in the transcript");
            }
        }
    }
}
