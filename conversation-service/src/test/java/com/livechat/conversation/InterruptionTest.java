package com.livechat.conversation;

import com.livechat.conversation.domain.SystemMessages;
import com.livechat.conversation.support.ConversationHarness;
import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.TransferTargetType;
import com.livechat.contracts.events.WithdrawReason;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.livechat.conversation.TransferTest.assertAgentState;
import static com.livechat.conversation.TransferTest.assertOneWrapUpPerAgent;
import static com.livechat.conversation.support.ConversationHarness.newId;
import static com.livechat.testsupport.auth.AdminRequests.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class InterruptionTest {

    private final ConversationHarness harness = ConversationHarness.get();

    @BeforeEach
    void wrapUpReason() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("label", "Interrupted"))
                .put("/admin/wrap-up-reasons/INTERRUPTED").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    @Test
    void deletingTheQueueInterruptsEveryActiveConversationOnIt() {
        String queue = "doomed-" + newId();
        String connected = newId();
        String waiting = newId();
        String ringing = newId();
        String elsewhere = newId();
        harness.start(connected, queue);
        harness.connect(connected, "alice");
        harness.start(waiting, queue);
        harness.start(ringing, queue);
        RoutingEvent.ChatOffered ringingOffer = harness.offer(ringing, "bob", OfferKind.QUEUE, null);
        harness.awaitState(ringing, ConversationState.OFFERED);
        harness.start(elsewhere, "other-" + newId());
        harness.connect(elsewhere, "carol");

        harness.send(new RoutingEvent.QueueDeleted(newId(), Instant.now(), queue, "Doomed"));

        // With an agent: interrupted, agents alerted, nobody can send, the agent ends and wraps up.
        harness.awaitState(connected, ConversationState.INTERRUPTED);
        assertEquals(Audience.AGENTS,
                harness.awaitSystemMessage(connected, SystemMessages.interrupted("Doomed")).audience());
        var agentBlocked = harness.agentSays(connected, "alice", newId(), "hello?");
        assertEquals(RejectionCode.ILLEGAL_STATE, harness.awaitRejection(agentBlocked).code());
        var customerBlocked = harness.customerSays(connected, newId(), "hello?");
        assertEquals(RejectionCode.ILLEGAL_STATE, harness.awaitRejection(customerBlocked).code());
        harness.agentEnds(connected, "alice");
        harness.awaitState(connected, ConversationState.ENDED);
        assertEquals(Audience.CUSTOMER, harness.awaitSystemMessage(connected, SystemMessages.CHAT_ENDED).audience());
        harness.wrapUp(connected, "alice", "INTERRUPTED", null);
        harness.awaitState(connected, ConversationState.CLOSED);
        assertOneWrapUpPerAgent(connected, "alice");

        // Without an agent: interrupted, ended and closed at once, the customer told.
        harness.awaitState(waiting, ConversationState.CLOSED);
        assertEquals(List.of(ConversationState.INTERRUPTED, ConversationState.ENDED, ConversationState.CLOSED),
                harness.events(waiting, ConversationEvent.ConversationStateChanged.class).stream()
                        .map(ConversationEvent.ConversationStateChanged::to).toList());
        harness.awaitSystemMessage(waiting, SystemMessages.CHAT_ENDED);

        // Ringing: ended, closed once routing has cancelled the offer.
        harness.awaitState(ringing, ConversationState.ENDED);
        harness.withdraw(ringingOffer, WithdrawReason.CANCELLED);
        harness.awaitState(ringing, ConversationState.CLOSED);

        // A conversation on another queue is untouched.
        harness.agentSays(elsewhere, "carol", "still-fine", "all good");
        harness.awaitMessage(elsewhere, "still-fine");
        assertEquals(ConversationState.CONNECTED, harness.currentState(elsewhere));
    }

    @Test
    void deletingTheQueueDuringAPendingTransferToAnAgentLeavesNothingHalfDone() {
        String queue = "doomed-" + newId();
        String id = newId();
        harness.start(id, queue);
        harness.connect(id, "alice");
        harness.transfer(id, "alice", TransferTargetType.AGENT, "bob", "Bob");
        RoutingEvent.ChatOffered offer = harness.offer(id, "bob", OfferKind.TRANSFER, "alice");
        assertAgentState(id, "bob", ParticipantState.OFFERED);

        harness.send(new RoutingEvent.QueueDeleted(newId(), Instant.now(), queue, "Doomed"));
        harness.awaitState(id, ConversationState.ENDED);
        // Bob accepts just too late: withdrawn, the chat is not reopened.
        harness.accept(offer);
        assertAgentState(id, "bob", ParticipantState.WITHDRAWN);
        harness.wrapUp(id, "alice", "INTERRUPTED", null);
        harness.awaitState(id, ConversationState.CLOSED);
        assertOneWrapUpPerAgent(id, "alice");
    }
}
