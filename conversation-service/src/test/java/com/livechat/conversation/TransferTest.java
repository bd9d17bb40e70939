package com.livechat.conversation;

import com.livechat.conversation.domain.SystemMessages;
import com.livechat.conversation.support.ConversationHarness;
import com.livechat.conversation.support.Database;
import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.QueueReason;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.TransferTargetType;
import com.livechat.contracts.events.WithdrawReason;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.livechat.conversation.support.ConversationHarness.newId;
import static com.livechat.testsupport.auth.AdminRequests.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Transfers under the default policy (REQUEUE); {@link TransferAbandonPolicyTest} covers ABANDON. */
@QuarkusTest
class TransferTest {

    private final ConversationHarness harness = ConversationHarness.get();

    @BeforeEach
    void wrapUpReason() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("label", "Transferred"))
                .put("/admin/wrap-up-reasons/TRANSFERRED").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    @Test
    void transferToAQueueRequeuesWithTheOriginalWaitingTimeAndTheAgentWrapsUpAtOnce() {
        String id = newId();
        harness.start(id, "support");
        ConversationEvent.ConversationQueued original = harness.events(id, ConversationEvent.ConversationQueued.class)
                .get(0);
        harness.connect(id, "alice");

        harness.transfer(id, "alice", TransferTargetType.QUEUE, "billing", "Billing");
        ConversationEvent.ConversationQueued requeued = harness.awaitEvent(id,
                ConversationEvent.ConversationQueued.class, q -> q.reason() == QueueReason.TRANSFER);
        assertEquals("billing", requeued.queueId());
        assertEquals("Billing", requeued.queueName());
        assertEquals(original.waitingSince(), requeued.waitingSince());
        assertEquals(ConversationState.QUEUED, harness.currentState(id));
        assertEquals(Audience.CUSTOMER,
                harness.awaitSystemMessage(id, SystemMessages.transferToQueue("Billing")).audience());
        assertAgentState(id, "alice", ParticipantState.WRAP_UP);

        // The transferring agent left: they cannot write any more, but they can wrap up.
        var late = harness.agentSays(id, "alice", newId(), "still here");
        assertEquals(RejectionCode.NOT_A_PARTICIPANT, harness.awaitRejection(late).code());
        harness.wrapUp(id, "alice", "TRANSFERRED", null);

        harness.connect(id, "bob");
        harness.agentEnds(id, "bob");
        harness.wrapUp(id, "bob", "TRANSFERRED", null);
        harness.awaitState(id, ConversationState.CLOSED);
        assertOneWrapUpPerAgent(id, "alice", "bob");
        assertEquals("billing", Database.query("select queue_id from conversation where id = ?", id).get(0)
                .get("queue_id"));
    }

    @Test
    void transferToAnAgentWhoAccepts() {
        String id = newId();
        harness.start(id, "support");
        harness.connect(id, "alice");

        harness.transfer(id, "alice", TransferTargetType.AGENT, "bob", "Bob");
        ConversationEvent.AgentOfferRequested request = harness.awaitEvent(id,
                ConversationEvent.AgentOfferRequested.class, r -> true);
        assertEquals(OfferKind.TRANSFER, request.kind());
        assertEquals("bob", request.agentId());
        assertEquals("alice", request.requestedBy());
        harness.awaitState(id, ConversationState.OFFERED);
        assertAgentState(id, "alice", ParticipantState.WRAP_UP);

        RoutingEvent.ChatOffered offer = harness.offer(id, "bob", OfferKind.TRANSFER, "alice");
        harness.accept(offer);
        harness.awaitState(id, ConversationState.CONNECTED);
        harness.awaitSystemMessage(id, SystemMessages.joined("Agent bob"));

        harness.agentSays(id, "bob", "bob-1", "Hello, I take over");
        harness.awaitMessage(id, "bob-1");
        harness.wrapUp(id, "alice", "TRANSFERRED", null);
        harness.agentEnds(id, "bob");
        harness.wrapUp(id, "bob", "TRANSFERRED", null);
        harness.awaitState(id, ConversationState.CLOSED);
        assertOneWrapUpPerAgent(id, "alice", "bob");
    }

    @Test
    void transferToAnAgentWhoDoesNotAcceptGoesBackToTheOriginalQueue() {
        String id = newId();
        harness.start(id, "support");
        ConversationEvent.ConversationQueued original = harness.events(id, ConversationEvent.ConversationQueued.class)
                .get(0);
        harness.connect(id, "alice");
        harness.transfer(id, "alice", TransferTargetType.AGENT, "bob", "Bob");
        harness.awaitState(id, ConversationState.OFFERED);

        RoutingEvent.ChatOffered offer = harness.offer(id, "bob", OfferKind.TRANSFER, "alice");
        harness.withdraw(offer, WithdrawReason.RONA_TIMEOUT);
        ConversationEvent.ConversationQueued requeued = harness.awaitEvent(id,
                ConversationEvent.ConversationQueued.class, q -> q.reason() == QueueReason.REQUEUE);
        assertEquals("support", requeued.queueId());
        assertEquals(original.waitingSince(), requeued.waitingSince());
        assertEquals(ConversationState.QUEUED, harness.currentState(id));
        harness.awaitSystemMessage(id, SystemMessages.TRANSFER_REQUEUED);
        assertAgentState(id, "bob", ParticipantState.WITHDRAWN);

        harness.connect(id, "carol");
        harness.agentEnds(id, "carol");
        harness.wrapUp(id, "carol", "TRANSFERRED", null);
        harness.wrapUp(id, "alice", "TRANSFERRED", null);
        harness.awaitState(id, ConversationState.CLOSED);
        assertOneWrapUpPerAgent(id, "alice", "carol");
    }

    @Test
    void theCustomerEndsDuringAPendingTransferAndNothingIsLeftHalfDone() {
        String id = newId();
        harness.start(id, "support");
        harness.connect(id, "alice");
        harness.transfer(id, "alice", TransferTargetType.AGENT, "bob", "Bob");
        harness.awaitState(id, ConversationState.OFFERED);
        RoutingEvent.ChatOffered offer = harness.offer(id, "bob", OfferKind.TRANSFER, "alice");
        harness.awaitEvent(id, ConversationEvent.ParticipantStateChanged.class,
                c -> c.agentId().equals("bob") && c.to() == ParticipantState.OFFERED);

        harness.customerEnds(id);
        harness.awaitState(id, ConversationState.ABANDONED);
        // Routing cancels the pending offer when it sees the conversation abandoned.
        harness.withdraw(offer, WithdrawReason.CANCELLED);
        assertAgentState(id, "bob", ParticipantState.WITHDRAWN);
        assertEquals(ConversationState.ABANDONED, harness.currentState(id), "alice still owes her wrap-up");

        harness.wrapUp(id, "alice", "TRANSFERRED", null);
        harness.awaitState(id, ConversationState.CLOSED);
        assertOneWrapUpPerAgent(id, "alice");
    }

    @Test
    void aTransferIsOnlyForAnAgentInAConnectedChat() {
        String id = newId();
        harness.start(id, "support");
        var beforeAccepting = harness.transfer(id, "alice", TransferTargetType.QUEUE, "billing", "Billing");
        assertEquals(RejectionCode.NOT_A_PARTICIPANT, harness.awaitRejection(beforeAccepting).code());
        harness.connect(id, "alice");
        var toSelf = harness.transfer(id, "alice", TransferTargetType.AGENT, "alice", "Alice");
        assertEquals(RejectionCode.INVALID_COMMAND, harness.awaitRejection(toSelf).code());
        harness.customerEnds(id);
        harness.awaitState(id, ConversationState.CUSTOMER_ENDED);
        var afterEnd = harness.transfer(id, "alice", TransferTargetType.QUEUE, "billing", "Billing");
        assertEquals(RejectionCode.ILLEGAL_STATE, harness.awaitRejection(afterEnd).code());
    }

    static void assertAgentState(String conversationId, String agentId, ParticipantState expected) {
        ConversationHarness.get().awaitEvent(conversationId, ConversationEvent.ParticipantStateChanged.class,
                change -> change.agentId().equals(agentId) && change.to() == expected);
    }

    /** Every agent who was in the conversation has exactly one wrap-up record; nobody else has one. */
    static void assertOneWrapUpPerAgent(String conversationId, String... agents) {
        List<Map<String, Object>> rows = Database.query(
                "select agent_id, count(*) as n from wrap_up where conversation_id = ? group by agent_id order by agent_id",
                conversationId);
        assertEquals(agents.length, rows.size(), "wrap-ups: " + rows);
        for (Map<String, Object> row : rows) {
            assertTrue(List.of(agents).contains(row.get("agent_id")), "unexpected wrap-up: " + row);
            assertEquals(1L, ((Number) row.get("n")).longValue(), "one wrap-up for " + row.get("agent_id"));
        }
        long joined = Database.count("select count(distinct agent_id) from participation "
                + "where conversation_id = ? and joined_at is not null", conversationId);
        assertEquals(agents.length, joined, "every agent who joined wrapped up");
        assertEquals(0, Database.count("select count(*) from participation where conversation_id = ? "
                + "and state not in ('DONE', 'WITHDRAWN')", conversationId));
    }
}
