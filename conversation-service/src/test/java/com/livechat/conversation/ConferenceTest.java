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
import com.livechat.contracts.events.WithdrawReason;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static com.livechat.conversation.TransferTest.assertAgentState;
import static com.livechat.conversation.TransferTest.assertOneWrapUpPerAgent;
import static com.livechat.conversation.support.ConversationHarness.newId;
import static com.livechat.testsupport.auth.AdminRequests.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ConferenceTest {

    private final ConversationHarness harness = ConversationHarness.get();
    private String id;
    private String queue;

    @BeforeEach
    void connectedChat() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("label", "Resolved"))
                .put("/admin/wrap-up-reasons/RESOLVED").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        id = newId();
        queue = "conference-" + newId();
        harness.start(id, queue);
        harness.connect(id, "alice");
    }

    @Test
    void acceptedConferenceBothAgentsWriteThenOneEndsTheConferenceAndTheOtherCarriesOn() {
        harness.invite(id, "alice", "bob");
        ConversationEvent.AgentOfferRequested request = harness.awaitEvent(id,
                ConversationEvent.AgentOfferRequested.class, r -> r.kind() == OfferKind.CONFERENCE);
        assertEquals("bob", request.agentId());
        assertAgentState(id, "alice", ParticipantState.CONFERENCE_REQUESTED);

        RoutingEvent.ChatOffered offer = harness.offer(id, "bob", OfferKind.CONFERENCE, "alice");
        harness.accept(offer);
        assertEquals(Audience.EVERYONE, harness.awaitSystemMessage(id, SystemMessages.joined("Agent bob")).audience());
        assertAgentState(id, "alice", ParticipantState.CONFERENCE);
        assertAgentState(id, "bob", ParticipantState.CONFERENCE);
        assertEquals(ConversationState.CONNECTED, harness.currentState(id));

        harness.agentSays(id, "alice", "from-alice", "Bob joins us");
        harness.agentSays(id, "bob", "from-bob", "Hello, I am Bob");
        assertEquals(Audience.EVERYONE, harness.awaitMessage(id, "from-alice").audience());
        assertEquals(Audience.EVERYONE, harness.awaitMessage(id, "from-bob").audience());

        harness.endConference(id, "alice");
        assertAgentState(id, "alice", ParticipantState.WRAP_UP);
        assertAgentState(id, "bob", ParticipantState.ACTIVE);
        harness.awaitSystemMessage(id, SystemMessages.left("Agent alice"));
        harness.agentSays(id, "bob", "bob-alone", "Still with you");
        harness.awaitMessage(id, "bob-alone");

        harness.wrapUp(id, "alice", "RESOLVED", null);
        harness.agentEnds(id, "bob");
        harness.awaitState(id, ConversationState.ENDED);
        harness.awaitSystemMessage(id, SystemMessages.CHAT_ENDED);
        harness.wrapUp(id, "bob", "RESOLVED", null);
        harness.awaitState(id, ConversationState.CLOSED);
        assertOneWrapUpPerAgent(id, "alice", "bob");
    }

    @Test
    void aConferenceNotAcceptedLeavesTheChatWithTheFirstAgent() {
        var notInConference = harness.endConference(id, "alice");
        assertEquals(RejectionCode.ILLEGAL_STATE, harness.awaitRejection(notInConference).code());
        harness.invite(id, "alice", "bob");
        assertAgentState(id, "alice", ParticipantState.CONFERENCE_REQUESTED);
        RoutingEvent.ChatOffered offer = harness.offer(id, "bob", OfferKind.CONFERENCE, "alice");
        harness.withdraw(offer, WithdrawReason.RONA_TIMEOUT);
        assertAgentState(id, "bob", ParticipantState.WITHDRAWN);
        harness.awaitEvent(id, ConversationEvent.ParticipantStateChanged.class, c -> c.agentId().equals("alice")
                && c.from() == ParticipantState.CONFERENCE_REQUESTED && c.to() == ParticipantState.ACTIVE);
        assertEquals(Audience.AGENTS,
                harness.awaitSystemMessage(id, SystemMessages.conferenceNotJoined("Agent bob")).audience());
        assertEquals(ConversationState.CONNECTED, harness.currentState(id));

        harness.agentSays(id, "alice", "alice-after", "Let me handle it myself");
        harness.awaitMessage(id, "alice-after");
        harness.agentEnds(id, "alice");
        harness.wrapUp(id, "alice", "RESOLVED", null);
        harness.awaitState(id, ConversationState.CLOSED);
        assertOneWrapUpPerAgent(id, "alice");
    }

    @Test
    void theConferenceSizeIsLimitedAndOneInvitationAtATime() {
        var first = harness.invite(id, "alice", "bob");
        assertAgentState(id, "alice", ParticipantState.CONFERENCE_REQUESTED);
        var second = harness.invite(id, "alice", "carol");
        assertEquals(RejectionCode.ILLEGAL_STATE, harness.awaitRejection(second).code());
        harness.accept(harness.offer(id, "bob", OfferKind.CONFERENCE, "alice"));
        assertAgentState(id, "bob", ParticipantState.CONFERENCE);
        var third = harness.invite(id, "bob", "carol");
        assertEquals(RejectionCode.CONFERENCE_FULL, harness.awaitRejection(third).code());
        assertEquals(id, first.conversationId());
    }

    @Test
    void theCustomerEndsDuringAPendingConference() {
        harness.invite(id, "alice", "bob");
        // The invitation is applied before routing's offer arrives (they travel on different topics), as in routing.
        assertAgentState(id, "alice", ParticipantState.CONFERENCE_REQUESTED);
        RoutingEvent.ChatOffered offer = harness.offer(id, "bob", OfferKind.CONFERENCE, "alice");
        harness.awaitEvent(id, ConversationEvent.ParticipantStateChanged.class,
                c -> c.agentId().equals("bob") && c.to() == ParticipantState.OFFERED);
        harness.customerEnds(id);
        harness.awaitState(id, ConversationState.CUSTOMER_ENDED);
        // Bob accepts too late: he is withdrawn, so routing frees him; alice is back to ACTIVE.
        harness.accept(offer);
        assertAgentState(id, "bob", ParticipantState.WITHDRAWN);
        harness.awaitEvent(id, ConversationEvent.ParticipantStateChanged.class, c -> c.agentId().equals("alice")
                && c.to() == ParticipantState.ACTIVE && c.from() == ParticipantState.CONFERENCE_REQUESTED);
        harness.agentEnds(id, "alice");
        harness.wrapUp(id, "alice", "RESOLVED", null);
        harness.awaitState(id, ConversationState.CLOSED);
        assertOneWrapUpPerAgent(id, "alice");
    }

    @Test
    void theQueueIsDeletedDuringAConference() {
        harness.invite(id, "alice", "bob");
        harness.accept(harness.offer(id, "bob", OfferKind.CONFERENCE, "alice"));
        assertAgentState(id, "bob", ParticipantState.CONFERENCE);

        harness.send(new RoutingEvent.QueueDeleted(newId(), Instant.now(), queue, "Support"));
        harness.awaitState(id, ConversationState.INTERRUPTED);
        assertEquals(Audience.AGENTS, harness.awaitSystemMessage(id, SystemMessages.interrupted("Support")).audience());
        var blocked = harness.agentSays(id, "bob", newId(), "hello?");
        assertEquals(RejectionCode.ILLEGAL_STATE, harness.awaitRejection(blocked).code());

        harness.agentEnds(id, "alice");
        assertAgentState(id, "bob", ParticipantState.ACTIVE);
        harness.agentEnds(id, "bob");
        harness.awaitState(id, ConversationState.ENDED);
        harness.wrapUp(id, "alice", "RESOLVED", null);
        harness.wrapUp(id, "bob", "RESOLVED", null);
        harness.awaitState(id, ConversationState.CLOSED);
        assertOneWrapUpPerAgent(id, "alice", "bob");
    }
}
