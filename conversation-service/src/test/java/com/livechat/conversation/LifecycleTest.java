package com.livechat.conversation;

import com.livechat.conversation.domain.SystemMessages;
import com.livechat.conversation.support.ConversationHarness;
import com.livechat.conversation.support.Database;
import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.Customer;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.QueueReason;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.platform.validation.MessageRules;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.livechat.conversation.support.ConversationHarness.newId;
import static com.livechat.testsupport.auth.AdminRequests.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class LifecycleTest {

    private final ConversationHarness harness = ConversationHarness.get();

    @BeforeEach
    void wrapUpReasons() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("label", "Resolved"))
                .put("/admin/wrap-up-reasons/RESOLVED").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    @Test
    void startCreatesAQueuedConversationWithCadVariables() {
        String id = newId();
        harness.send(new ConversationCommand.StartConversation(newId(), id, Instant.now(), "sales", "Sales",
                new Customer("Bob", null, "*********7542"), Map.of("orderId", "A-1", "contactDirection", "spoofed"),
                true));
        ConversationEvent.ConversationQueued queued = harness.awaitEvent(id, ConversationEvent.ConversationQueued.class,
                e -> true);
        ConversationEvent.ConversationStarted started = harness.events(id, ConversationEvent.ConversationStarted.class)
                .get(0);
        assertEquals(1, started.seq());
        assertEquals(2, queued.seq());
        assertEquals(QueueReason.NEW, queued.reason());
        assertEquals("sales", queued.queueId());
        assertTrue(queued.proactive());
        assertEquals(Map.of("orderId", "A-1", "contactOrigin", "*********7542", "contactDirection", "PROACTIVE",
                "queue", "Sales"), started.cad());

        asAdmin().get("/conversations/{id}", id).then().statusCode(200)
                .body("state", equalTo("QUEUED"))
                .body("queueName", equalTo("Sales"))
                .body("customer.phone", equalTo("*********7542"))
                .body("cad.contactDirection", equalTo("PROACTIVE"))
                .body("participations", hasSize(0));
    }

    /** A start's CAD variables are stored with one statement, in the order given (the order they are read in). */
    @Test
    void cadVariablesAreStoredInTheOrderGiven() {
        String id = newId();
        Map<String, String> cad = new LinkedHashMap<>();
        for (String name : List.of("zeta", "yankee", "xray", "whiskey", "victor")) {
            cad.put(name, name.toUpperCase());
        }
        harness.send(new ConversationCommand.StartConversation(newId(), id, Instant.now(), "sales", "Sales",
                new Customer("Bob", null, null), cad, false));
        harness.awaitEvent(id, ConversationEvent.ConversationQueued.class, e -> true);

        List<Object> stored = Database.query("select name from cad_variable where conversation_id = ? order by id", id)
                .stream().map(row -> row.get("name")).toList();
        assertEquals(List.of("zeta", "yankee", "xray", "whiskey", "victor"), stored.subList(0, 5));
        asAdmin().get("/conversations/{id}", id).then().statusCode(200).body("cad.victor", equalTo("VICTOR"));
    }

    /**
     * A desktop acts on the agent's "joined" step (the gateway checks its projections, written event by event), so
     * by then the conversation must already be CONNECTED: the conversation moves first, the participation second.
     */
    @Test
    void anAcceptedChatIsConnectedBeforeTheAgentIsShownAsJoined() {
        String id = newId();
        harness.start(id, "support");
        harness.accept(harness.offer(id, "alice", OfferKind.QUEUE, null));
        harness.awaitSystemMessage(id, SystemMessages.joined("Agent alice"));

        long connected = harness.events(id, ConversationEvent.ConversationStateChanged.class).stream()
                .filter(change -> change.to() == ConversationState.CONNECTED).findFirst().orElseThrow().seq();
        long joined = harness.events(id, ConversationEvent.ParticipantStateChanged.class).stream()
                .filter(change -> change.to() == ParticipantState.ACTIVE).findFirst().orElseThrow().seq();
        assertTrue(connected < joined, "CONNECTED (seq " + connected + ") comes before the agent joins (seq "
                + joined + ")");
    }

    @Test
    void customerEndsThenAgentEndsAndWrapsUpThenTheConversationIsClosed() {
        String id = newId();
        harness.start(id, "support");
        harness.connect(id, "alice");
        ConversationEvent.MessagePosted joined = harness.awaitSystemMessage(id, SystemMessages.joined("Agent alice"));
        assertEquals(Audience.EVERYONE, joined.audience());

        harness.customerEnds(id);
        harness.awaitState(id, ConversationState.CUSTOMER_ENDED);
        ConversationEvent.MessagePosted notice = harness.awaitSystemMessage(id, SystemMessages.CUSTOMER_ENDED);
        assertEquals(Audience.AGENTS, notice.audience());

        // Agents can no longer send, and neither can the customer.
        var late = harness.agentSays(id, "alice", newId(), "are you there?");
        assertEquals(RejectionCode.ILLEGAL_STATE, harness.awaitRejection(late).code());
        var customerLate = harness.customerSays(id, newId(), "one more thing");
        assertEquals(RejectionCode.ILLEGAL_STATE, harness.awaitRejection(customerLate).code());

        // Wrap-up before ending is refused.
        var early = harness.wrapUp(id, "alice", "RESOLVED", null);
        assertEquals(RejectionCode.ILLEGAL_STATE, harness.awaitRejection(early).code());

        harness.agentEnds(id, "alice");
        harness.awaitState(id, ConversationState.ENDED);
        // The customer already left: nobody is told the chat ended.
        assertTrue(harness.events(id, ConversationEvent.MessagePosted.class).stream()
                .noneMatch(m -> m.text().equals(SystemMessages.CHAT_ENDED)));

        var unknownReason = harness.wrapUp(id, "alice", "NO_SUCH_REASON", null);
        assertEquals(RejectionCode.UNKNOWN_WRAP_UP_REASON, harness.awaitRejection(unknownReason).code());
        // The note limit is the gateway's (MessageRules): 1000 code points.
        var longNote = harness.wrapUp(id, "alice", "RESOLVED", "n".repeat(MessageRules.WRAP_UP_NOTE_MAX_CODE_POINTS + 1));
        assertEquals(RejectionCode.MESSAGE_TOO_LONG, harness.awaitRejection(longNote).code());

        harness.wrapUp(id, "alice", "RESOLVED", "customer happy");
        harness.awaitState(id, ConversationState.CLOSED);
        ConversationEvent.WrapUpRecorded recorded = harness.events(id, ConversationEvent.WrapUpRecorded.class).get(0);
        assertEquals("Resolved", recorded.reasonLabel());
        assertEquals("customer happy", recorded.note());

        var again = harness.wrapUp(id, "alice", "RESOLVED", null);
        assertEquals(RejectionCode.ILLEGAL_STATE, harness.awaitRejection(again).code());
        assertEquals(1, Database.count("select count(*) from wrap_up where conversation_id = ?", id));

        asAdmin().get("/conversations/{id}", id).then().statusCode(200)
                .body("state", equalTo("CLOSED"))
                .body("closedAt", notNullValue())
                .body("participations[0].state", equalTo("DONE"))
                .body("participations[0].wrapUp.reasonCode", equalTo("RESOLVED"));
        assertSeqsAreGapless(id);
    }

    @Test
    void agentEndsFirstAndTheCustomerIsToldTheChatHasEnded() {
        String id = newId();
        harness.start(id, "support");
        harness.connect(id, "alice");
        harness.agentEnds(id, "alice");
        harness.awaitState(id, ConversationState.ENDED);
        assertEquals(Audience.CUSTOMER, harness.awaitSystemMessage(id, SystemMessages.CHAT_ENDED).audience());
        var customerLate = harness.customerSays(id, newId(), "wait");
        assertEquals(RejectionCode.ILLEGAL_STATE, harness.awaitRejection(customerLate).code());
        harness.wrapUp(id, "alice", "RESOLVED", null);
        harness.awaitState(id, ConversationState.CLOSED);
    }

    @Test
    void aCustomerWhoLeavesBeforeAnyAgentAbandonsAndTheRecordClosesAtOnce() {
        String id = newId();
        harness.start(id, "support");
        harness.customerSays(id, "early", "hello?");
        harness.awaitMessage(id, "early");
        harness.customerEnds(id);
        harness.awaitState(id, ConversationState.CLOSED);
        List<ConversationState> path = harness.events(id, ConversationEvent.ConversationStateChanged.class).stream()
                .map(ConversationEvent.ConversationStateChanged::to).toList();
        assertEquals(List.of(ConversationState.ABANDONED, ConversationState.CLOSED), path);
    }

    @Test
    void aRingingOfferWithdrawnPutsTheChatBackAndAQueueTimeOutAbandonsIt() {
        String id = newId();
        harness.start(id, "support");
        RoutingEvent.ChatOffered offer = harness.offer(id, "bob", com.livechat.contracts.events.OfferKind.QUEUE, null);
        harness.awaitState(id, ConversationState.OFFERED);
        harness.withdraw(offer, com.livechat.contracts.events.WithdrawReason.RONA_TIMEOUT);
        harness.awaitState(id, ConversationState.QUEUED);
        harness.awaitEvent(id, ConversationEvent.ParticipantStateChanged.class,
                change -> change.agentId().equals("bob") && change.to() == ParticipantState.WITHDRAWN);

        harness.send(new RoutingEvent.QueueTimedOut(newId(), Instant.now(), id, "support"));
        harness.awaitState(id, ConversationState.CLOSED);
        assertEquals(Audience.CUSTOMER, harness.awaitSystemMessage(id, SystemMessages.NO_AGENT_AVAILABLE).audience());
        // The widget's "waited as long as we allow" end is told by this reason (its QUEUE_TIMEOUT_REASON).
        assertEquals("no agent available in time", harness.events(id, ConversationEvent.ConversationStateChanged.class)
                .stream().filter(change -> change.to() == ConversationState.ABANDONED).findFirst().orElseThrow().reason());
    }

    @Test
    void anAcceptanceAfterTheCustomerLeftIsWithdrawnSoRoutingFreesTheAgent() {
        String id = newId();
        harness.start(id, "support");
        RoutingEvent.ChatOffered offer = harness.offer(id, "carol", com.livechat.contracts.events.OfferKind.QUEUE, null);
        harness.awaitState(id, ConversationState.OFFERED);
        harness.customerEnds(id);
        harness.awaitState(id, ConversationState.ABANDONED);
        harness.accept(offer);
        harness.awaitState(id, ConversationState.CLOSED);
        assertTrue(harness.events(id, ConversationEvent.ParticipantStateChanged.class).stream()
                .anyMatch(c -> c.agentId().equals("carol") && c.to() == ParticipantState.WITHDRAWN));
        assertFalse(harness.events(id, ConversationEvent.ParticipantStateChanged.class).stream()
                .anyMatch(c -> c.to() == ParticipantState.ACTIVE));
    }

    @Test
    void commandsForAnUnknownConversationAreRejected() {
        var end = harness.customerEnds(newId());
        ConversationEvent.CommandRejected rejected = harness.awaitRejection(end);
        assertEquals(RejectionCode.UNKNOWN_CONVERSATION, rejected.code());
        assertNull(rejected.seq());
    }

    @Test
    void historyApiPaginatesTheTranscriptAndListsTheAgentsConversationsNewestFirst() {
        String agent = "hist-" + newId();
        String first = newId();
        String second = newId();
        for (String id : List.of(first, second)) {
            harness.start(id, "support");
            harness.connect(id, agent);
            for (int i = 0; i < 5; i++) {
                harness.customerSays(id, id + "-" + i, "message " + i);
            }
            harness.awaitMessage(id, id + "-4");
        }
        asAdmin().get("/conversations/{id}/transcript?page=1&size=2", first).then().statusCode(200)
                .body("items", hasSize(2))
                .body("page", equalTo(1))
                .body("totalItems", equalTo(6))
                .body("totalPages", equalTo(3))
                .body("items[0].seq", equalTo(harness.events(first, ConversationEvent.MessagePosted.class).get(2)
                        .seq().intValue()));
        asAdmin().get("/agents/{agent}/history?size=1", agent).then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items[0].conversationId", equalTo(second))
                .body("items[0].customerName", equalTo("Melissa"))
                .body("items[0].customerEmail", equalTo("m******@gmail.com"))
                .body("items[0].queueName", equalTo("Queue support"));
        asAdmin().get("/agents/{agent}/history?page=1&size=1", agent).then().statusCode(200)
                .body("items[0].conversationId", equalTo(first));

        asAdmin().get("/conversations/{id}", newId()).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        asAdmin().get("/conversations/{id}/transcript?size=0", first).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"));
        asAdmin().get("/agents/{agent}/history?size=500", agent).then().statusCode(400);
        asAdmin().get("/agents/{agent}/history?page=two", agent).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("INVALID_PARAMETER"))
                .body("detail", equalTo("A query or path parameter does not have the expected type."));
    }

    static void assertSeqsAreGapless(String conversationId) {
        List<ConversationEvent> events = ConversationHarness.get().events(conversationId).stream()
                .filter(e -> e.seq() != null).toList();
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i + 1, events.get(i).seq());
        }
    }
}
