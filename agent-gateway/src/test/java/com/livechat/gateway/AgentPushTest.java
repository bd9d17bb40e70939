package com.livechat.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.gateway.support.Fixtures;
import com.livechat.gateway.support.Kafka;
import com.livechat.gateway.support.Scenario;
import com.livechat.gateway.support.TestSocket;
import com.livechat.testsupport.auth.TestTokens;
import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.QueueReason;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.RoutingCommand;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.SenderType;
import com.livechat.contracts.events.Topics;
import com.livechat.contracts.events.WithdrawReason;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Every agent push type, over a real socket, driven by events on the real broker. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class AgentPushTest {

    @TestHTTPResource("/")
    URI baseUri;

    String agentId;
    String token;

    @BeforeEach
    void agent() {
        Fixtures.referenceData();
        agentId = Scenario.unique("agent");
        token = TestTokens.agent(agentId, "Alice Martin");
    }

    @Test
    void helloListsPresenceOffersAndConversations() {
        Scenario.presence(agentId, "Alice Martin", AgentState.AVAILABLE, 0, 2);
        Scenario current = Scenario.newConversation(Fixtures.QUEUE).connectedWith(agentId, "Alice Martin");
        Scenario offered = Scenario.newConversation(Fixtures.QUEUE).started("Bob").queued().customerSays("Hi");
        String offerId = offered.offer(agentId, "Alice Martin", OfferKind.QUEUE);
        awaitOfferListed(offerId);
        // The offer and the message travel on two topics: the thread holds the message once it is projected too.
        awaitLastSeq(offered);
        Fixtures.awaitCurrentConversation(token, current.conversationId);

        try (TestSocket socket = TestSocket.agent(baseUri, token)) {
            JsonNode hello = socket.await("hello");
            assertEquals(agentId, hello.path("agentId").asText());
            assertEquals("Alice Martin", hello.path("displayName").asText());
            assertEquals("AVAILABLE", hello.path("presence").path("state").asText());
            assertEquals(offerId, hello.path("offers").get(0).path("offerId").asText());
            assertEquals("Hi", hello.path("offers").get(0).path("thread").get(0).path("text").asText());
            JsonNode conversation = hello.path("conversations").get(0);
            assertEquals(current.conversationId, conversation.path("conversationId").asText());
            assertEquals("ACTIVE", conversation.path("participantState").asText());
            assertEquals(current.seq(), conversation.path("lastSeq").asLong());
        }
    }

    @Test
    void offerCarriesEverythingThePopUpShowsThenAcceptAndAssignment() {
        Scenario chat = Scenario.newConversation(Fixtures.QUEUE).started("Bob").queued().customerSays("Hello, anyone?");
        awaitLastSeq(chat);
        try (TestSocket socket = TestSocket.agent(baseUri, token)) {
            socket.await("hello");
            String offerId = chat.offer(agentId, "Alice Martin", OfferKind.QUEUE);

            JsonNode offer = socket.await("offer");
            assertEquals(offerId, offer.path("offerId").asText());
            assertEquals(chat.conversationId, offer.path("conversationId").asText());
            assertEquals("QUEUE", offer.path("kind").asText());
            assertEquals("Customer", offer.path("customerName").asText());
            assertEquals("Support", offer.path("queueName").asText());
            assertEquals("Alice Martin", offer.path("agentName").asText());
            assertFalse(offer.path("receivedAt").asText().isEmpty());
            assertTrue(offer.path("receivedDate").asText().matches("\\d{4}-\\d{2}-\\d{2}"));
            assertFalse(offer.path("expiresAt").asText().isEmpty());
            assertFalse(offer.path("proactive").asBoolean());
            assertEquals(1, offer.path("thread").size());
            assertEquals("Hello, anyone?", offer.path("thread").get(0).path("text").asText());

            // While the offer is pending the agent already follows the thread live.
            chat.customerSays("Still there?");
            socket.await("message", f -> f.path("text").asText().equals("Still there?"));

            String commandId = given().auth().oauth2(token).post("/api/agent/offers/" + offerId + "/accept")
                    .then().statusCode(202).body("commandId", notNullValue()).extract().path("commandId");
            Kafka.Sent<RoutingCommand.AcceptOffer> accept = Kafka.awaitRoutingCommand(RoutingCommand.AcceptOffer.class,
                    command -> command.commandId().equals(commandId));
            assertEquals(agentId, accept.key());
            assertEquals(offerId, accept.command().offerId());
            assertEquals(chat.conversationId, accept.command().conversationId());

            chat.assigned(offerId, agentId, "Alice Martin");
            socket.await("offer-accepted", f -> f.path("offerId").asText().equals(offerId));
            chat.state(ConversationState.QUEUED, ConversationState.CONNECTED, "ASSIGNED");
            JsonNode state = socket.await("conversation-state", f -> f.path("to").asText().equals("CONNECTED"));
            assertEquals(chat.conversationId, state.path("conversationId").asText());
            assertTrue(state.path("seq").asLong() > 0);
            chat.participant(agentId, "Alice Martin", ParticipantState.OFFERED, ParticipantState.ACTIVE);
            JsonNode joined = socket.await("participant", f -> f.path("change").asText().equals("joined"));
            assertEquals("Alice Martin", joined.path("agentName").asText());
        }
    }

    @Test
    void anOfferForAChatTransferredToAQueueSaysItIsATransferAndFromWhom() {
        Scenario chat = Scenario.newConversation(Fixtures.QUEUE).connectedWith("bob-transfers", "Bob Dupont");
        chat.participant("bob-transfers", "Bob Dupont", ParticipantState.ACTIVE, ParticipantState.WRAP_UP)
                .state(ConversationState.CONNECTED, ConversationState.QUEUED, "transferred to queue Support")
                .queued(QueueReason.TRANSFER)
                // The customer is told (last, so that waiting for what the customer sees waits for the queuing too).
                .message(SenderType.SYSTEM, null, null, Audience.CUSTOMER, "You are being transferred.");
        awaitLastSeq(chat);
        try (TestSocket socket = TestSocket.agent(baseUri, token)) {
            socket.await("hello");
            // Routing offers it like any queued chat: kind QUEUE, nobody named.
            String offerId = chat.offer(agentId, "Alice Martin", OfferKind.QUEUE);

            JsonNode offer = socket.await("offer", f -> f.path("offerId").asText().equals(offerId));
            assertEquals("TRANSFER", offer.path("kind").asText());
            assertEquals("bob-transfers", offer.path("requestedBy").asText());
            assertEquals("Bob Dupont", offer.path("requestedByName").asText());
        }
    }

    @Test
    void offerWithdrawnAfterRona() {
        Scenario chat = Scenario.newConversation(Fixtures.QUEUE).started("Bob").queued();
        try (TestSocket socket = TestSocket.agent(baseUri, token)) {
            socket.await("hello");
            String offerId = chat.offer(agentId, "Alice Martin", OfferKind.QUEUE);
            socket.await("offer");
            chat.withdrawn(offerId, agentId, WithdrawReason.RONA_TIMEOUT);
            JsonNode withdrawn = socket.await("offer-withdrawn");
            assertEquals(offerId, withdrawn.path("offerId").asText());
            assertEquals("RONA_TIMEOUT", withdrawn.path("reason").asText());
        }
        // A withdrawn offer can no longer be accepted, and the conversation is invisible again.
        given().auth().oauth2(token).get("/api/agent/offers").then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(token).get("/api/conversations/" + chat.conversationId).then().statusCode(404);
    }

    @Test
    void anOfferIsShownOnceWhetherListedInTheHelloPushedLiveOrDeliveredAgain() {
        Scenario listed = Scenario.newConversation(Fixtures.QUEUE).started("Bob").queued();
        RoutingEvent.ChatOffered inHello = listed.offerEvent(agentId, "Alice Martin", OfferKind.QUEUE);
        Kafka.publish(Topics.ROUTING_EVENTS, inHello);
        awaitOfferListed(inHello.offerId());
        Scenario live = Scenario.newConversation(Fixtures.QUEUE).started("Carol").queued();
        RoutingEvent.ChatOffered pushed = live.offerEvent(agentId, "Alice Martin", OfferKind.QUEUE);
        try (TestSocket socket = TestSocket.agent(baseUri, token)) {
            JsonNode hello = socket.await("hello");
            assertEquals(inHello.offerId(), hello.path("offers").get(0).path("offerId").asText());
            Kafka.publish(Topics.ROUTING_EVENTS, pushed);
            socket.await("offer", f -> f.path("offerId").asText().equals(pushed.offerId()));

            // Both offers arrive again (a redelivery; the same as an offer committed while the hello was read).
            Kafka.publish(Topics.ROUTING_EVENTS, inHello);
            Kafka.publish(Topics.ROUTING_EVENTS, pushed);
            // Withdrawals are keyed like the offers: once they are here, the repeated offers were handled before.
            listed.withdrawn(inHello.offerId(), agentId, WithdrawReason.CANCELLED);
            live.withdrawn(pushed.offerId(), agentId, WithdrawReason.CANCELLED);
            socket.await("offer-withdrawn", f -> f.path("offerId").asText().equals(inHello.offerId()));
            socket.await("offer-withdrawn", f -> f.path("offerId").asText().equals(pushed.offerId()));
            socket.send(Map.of("type", "ping", "correlationId", "drained"));
            socket.await("pong");
            assertEquals(List.of(pushed.offerId()), socket.frames("offer").stream()
                    .map(f -> f.path("offerId").asText()).toList(), "each offer shown once: one in the hello, one live");
        }
    }

    @Test
    void messagesBothWaysAndAgentAck() {
        Scenario chat = Fixtures.connectedChat(agentId, "Alice Martin");
        try (TestSocket socket = TestSocket.agentWithSubprotocol(baseUri, token)) {
            socket.await("hello");
            chat.customerSays("My card does not work");
            JsonNode message = socket.await("message");
            assertEquals(chat.conversationId, message.path("conversationId").asText());
            assertEquals(chat.seq(), message.path("seq").asLong());
            assertEquals("CUSTOMER", message.path("senderType").asText());
            assertEquals("My card does not work", message.path("text").asText());

            socket.send(Map.of("type", "send", "correlationId", "c-1", "conversationId", chat.conversationId,
                    "clientMessageId", "m-1", "text", "Let me check."));
            JsonNode ack = socket.await("ack", f -> f.path("correlationId").asText().equals("c-1"));
            Kafka.Sent<ConversationCommand.PostMessage> post = Kafka.awaitConversationCommand(
                    ConversationCommand.PostMessage.class, command -> command.commandId().equals(ack.path("commandId").asText()));
            assertEquals(chat.conversationId, post.key());
            assertEquals(agentId, post.command().agentId());
            assertEquals(SenderType.AGENT, post.command().senderType());
            assertEquals("Let me check.", post.command().text());

            // A message meant for the customer only is not pushed to agents.
            chat.message(SenderType.SYSTEM, null, "System", Audience.CUSTOMER, "customer only");
            chat.message(SenderType.SYSTEM, null, "System", Audience.AGENTS, "agents only");
            socket.await("message", f -> f.path("text").asText().equals("agents only"));
            assertNull(socket.find("message", f -> f.path("text").asText().equals("customer only")));
        }
    }

    @Test
    void customerEndedInterruptedWrapUpAndRejections() {
        Scenario chat = Scenario.newConversation(Fixtures.QUEUE).connectedWith(agentId, "Alice Martin");
        Scenario other = Scenario.newConversation(Fixtures.QUEUE).connectedWith(agentId, "Alice Martin");
        Fixtures.awaitCurrentConversation(token, chat.conversationId);
        Fixtures.awaitCurrentConversation(token, other.conversationId);
        try (TestSocket socket = TestSocket.agent(baseUri, token)) {
            socket.await("hello");
            chat.state(ConversationState.CONNECTED, ConversationState.CUSTOMER_ENDED, "CUSTOMER_LEFT");
            JsonNode ended = socket.await("customer-ended");
            assertEquals("The customer has ended the conversation", ended.path("text").asText());

            other.state(ConversationState.CONNECTED, ConversationState.INTERRUPTED, "QUEUE_DELETED");
            JsonNode interrupted = socket.await("interrupted");
            assertEquals(other.conversationId, interrupted.path("conversationId").asText());
            assertEquals("QUEUE_DELETED", interrupted.path("reason").asText());

            chat.participant(agentId, "Alice Martin", ParticipantState.ACTIVE, ParticipantState.WRAP_UP);
            socket.await("participant", f -> f.path("change").asText().equals("left"));
            chat.wrapUp(agentId, Fixtures.WRAP_UP_REASON);
            JsonNode wrapUp = socket.await("wrap-up-recorded");
            assertEquals(Fixtures.WRAP_UP_REASON, wrapUp.path("reasonCode").asText());

            chat.rejected("cmd-42", SenderType.AGENT, agentId, RejectionCode.ILLEGAL_STATE);
            JsonNode error = socket.await("error", f -> f.path("correlationId").asText().equals("cmd-42"));
            assertEquals("ILLEGAL_STATE", error.path("code").asText());
            assertEquals(chat.conversationId, error.path("conversationId").asText());

            Scenario.routingRejected("cmd-43", agentId, RejectionCode.OFFER_NOT_PENDING);
            assertEquals("OFFER_NOT_PENDING", socket.await("error", f -> f.path("correlationId").asText().equals("cmd-43"))
                    .path("code").asText());
        }
    }

    @Test
    void conferenceFramesAndAgentState() {
        String inviteeId = Scenario.unique("invitee");
        Scenario chat = Fixtures.connectedChat(agentId, "Alice Martin");
        try (TestSocket socket = TestSocket.agent(baseUri, token)) {
            socket.await("hello");
            chat.conferenceRequested(inviteeId, agentId);
            chat.participant(agentId, "Alice Martin", ParticipantState.ACTIVE, ParticipantState.CONFERENCE_REQUESTED);
            assertEquals(2, socket.awaitCount("conference", f -> f.path("status").asText().equals("requested"), 2).size());
            chat.participant(inviteeId, "Bob Dupont", ParticipantState.OFFERED, ParticipantState.CONFERENCE);
            JsonNode accepted = socket.await("conference", f -> f.path("status").asText().equals("accepted"));
            assertEquals(inviteeId, accepted.path("agentId").asText());
            chat.participant(inviteeId, "Bob Dupont", ParticipantState.CONFERENCE, ParticipantState.WRAP_UP);
            socket.await("conference", f -> f.path("status").asText().equals("ended"));
            chat.participant(agentId, "Alice Martin", ParticipantState.CONFERENCE, ParticipantState.ACTIVE);
            chat.participant(agentId, "Alice Martin", ParticipantState.ACTIVE, ParticipantState.CONFERENCE_REQUESTED);
            chat.participant(agentId, "Alice Martin", ParticipantState.CONFERENCE_REQUESTED, ParticipantState.ACTIVE);
            socket.await("conference", f -> f.path("status").asText().equals("declined"));

            Scenario.presence(agentId, "Alice Martin", AgentState.RONA, 1, 2);
            JsonNode state = socket.await("agent-state");
            assertEquals("RONA", state.path("state").asText());
            assertEquals(1, state.path("activeChats").asInt());

            socket.send(Map.of("type", "ping", "correlationId", "p-1"));
            socket.await("pong", f -> f.path("correlationId").asText().equals("p-1"));
        }
    }

    @Test
    void severalTabsOfOneAgentAllReceive() {
        Scenario chat = Fixtures.connectedChat(agentId, "Alice Martin");
        try (TestSocket first = TestSocket.agent(baseUri, token); TestSocket second = TestSocket.agent(baseUri, token)) {
            first.await("hello");
            second.await("hello");
            chat.customerSays("to both tabs");
            first.await("message", f -> f.path("text").asText().equals("to both tabs"));
            second.await("message", f -> f.path("text").asText().equals("to both tabs"));
        }
    }

    private void awaitOfferListed(String offerId) {
        await().atMost(TestSocket.WAIT).until(() -> given().auth().oauth2(token)
                .get("/api/agent/offers").asString().contains(offerId));
    }

    /** Waits until the gateway's event log holds the conversation's last event (read with the customer's token). */
    private static void awaitLastSeq(Scenario chat) {
        String customer = TestTokens.customer(chat.conversationId);
        await().atMost(TestSocket.WAIT).until(() -> given().auth().oauth2(customer)
                .get("/api/chats/" + chat.conversationId + "/messages").jsonPath().getList("seq", Long.class)
                .contains(chat.seq()));
    }
}
