package com.livechat.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.SenderType;
import com.livechat.gateway.support.Fixtures;
import com.livechat.gateway.support.Kafka;
import com.livechat.gateway.support.Scenario;
import com.livechat.gateway.support.TestSocket;
import com.livechat.testsupport.auth.TestTokens;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Read receipts through the real broker and database: a {@code read} frame on either socket becomes a
 * {@code MarkRead} command (keyed by conversation), a seq beyond the last projected message is refused with
 * {@code UNKNOWN_SEQ}, and the projected {@code MessagesRead} reaches the other side live, in order, and on reconnect.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class ReadReceiptTest {

    @TestHTTPResource("/")
    URI baseUri;

    String agentId;

    @BeforeEach
    void agent() {
        Fixtures.referenceData();
        agentId = Scenario.unique("agent");
    }

    @Test
    void receiptsGoBothWaysInOrderAndAreResyncedOnReconnect() {
        Scenario chat = Scenario.newConversation(Fixtures.QUEUE).connectedWith(agentId, "Alice Martin");
        String conversationId = chat.conversationId;
        String agentToken = TestTokens.agent(agentId, "Alice Martin");
        chat.customerSays("Hello");
        long customerMessage = chat.seq();
        chat.message(SenderType.AGENT, agentId, "Alice Martin", com.livechat.contracts.events.Audience.EVERYONE,
                "Hi! How can I help?");
        long agentMessage = chat.seq();
        await().atMost(TestSocket.WAIT).until(() -> given().auth().oauth2(agentToken)
                .get("/api/conversations/" + conversationId + "/events?afterSeq=0").asString().contains("Hi! How"));

        try (TestSocket agent = TestSocket.agent(baseUri, agentToken);
                TestSocket customer = TestSocket.customer(baseUri, conversationId, TestTokens.customer(conversationId))) {
            agent.await("hello");
            customer.await("hello");

            // Each side sends a receipt: a MarkRead command keyed by the conversation, no ack.
            agent.send(Map.of("type", "read", "conversationId", conversationId, "seq", customerMessage));
            customer.send(Map.of("type", "read", "seq", agentMessage));
            Kafka.Sent<ConversationCommand.MarkRead> byAgent = Kafka.awaitConversationCommand(
                    ConversationCommand.MarkRead.class, c -> c.conversationId().equals(conversationId)
                            && c.readerType() == SenderType.AGENT);
            assertEquals(conversationId, byAgent.key());
            assertEquals(agentId, byAgent.command().agentId());
            assertEquals(customerMessage, byAgent.command().upToSeq());
            Kafka.Sent<ConversationCommand.MarkRead> byCustomer = Kafka.awaitConversationCommand(
                    ConversationCommand.MarkRead.class, c -> c.conversationId().equals(conversationId)
                            && c.readerType() == SenderType.CUSTOMER);
            assertNull(byCustomer.command().agentId());
            assertEquals(agentMessage, byCustomer.command().upToSeq());

            // A seq beyond the last message (the receipt frames' own seqs included): UNKNOWN_SEQ, nothing sent.
            customer.send(Map.of("type", "read", "seq", agentMessage + 1, "correlationId", "r-1"));
            assertEquals("UNKNOWN_SEQ", customer.await("error",
                    f -> f.path("correlationId").asText().equals("r-1")).path("code").asText());
            agent.send(Map.of("type", "read", "conversationId", conversationId, "seq", 0, "correlationId", "r-2"));
            assertEquals("INVALID_FRAME", agent.await("error",
                    f -> f.path("correlationId").asText().equals("r-2")).path("code").asText());
            agent.send(Map.of("type", "read", "conversationId", "not-mine", "seq", 1, "correlationId", "r-3"));
            assertEquals("NOT_FOUND", agent.await("error",
                    f -> f.path("correlationId").asText().equals("r-3")).path("code").asText());

            // The conversation service's MessagesRead events: each side sees the other's, in seq order.
            chat.read(SenderType.AGENT, agentId, customerMessage);
            chat.read(SenderType.CUSTOMER, null, agentMessage);
            chat.customerSays("One more thing");
            long later = chat.seq();
            chat.read(SenderType.AGENT, agentId, later);
            List<JsonNode> customerSees = customer.awaitCount("messages-read", f -> true, 2);
            assertEquals(List.of(customerMessage, later),
                    customerSees.stream().map(f -> f.path("upToSeq").asLong()).toList());
            assertTrue(customerSees.get(0).path("seq").asLong() < customerSees.get(1).path("seq").asLong());
            assertTrue(customerSees.get(0).path("agentId").isMissingNode(), "never an agent id to the customer");
            JsonNode agentSees = agent.await("messages-read");
            assertEquals(agentMessage, agentSees.path("upToSeq").asLong());
            assertEquals(1, agent.frames("messages-read").size(), "agents do not get their own receipts");

            agent.assertFramesMatchTheirSchemas();
            customer.assertFramesMatchTheirSchemas();
        }

        // Reconnecting: the hello and the conversation view say how far the other side has read.
        long later = chat.seq() - 1;
        try (TestSocket customer = TestSocket.customer(baseUri, conversationId, TestTokens.customer(conversationId))) {
            assertEquals(later, customer.await("hello").path("agentReadSeq").asLong());
            customer.assertFramesMatchTheirSchemas();
        }
        given().auth().oauth2(agentToken).get("/api/agent/conversations").then().statusCode(200);
        assertEquals(agentMessage, given().auth().oauth2(agentToken).get("/api/agent/conversations").jsonPath()
                .getLong("find { it.conversationId == '" + conversationId + "' }.customerReadSeq"));
    }
}
