package com.livechat.routing;

import com.livechat.routing.support.Inputs;
import com.livechat.routing.support.RoutingTestBase;
import com.livechat.routing.support.TopicRecorder;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.QueueReason;
import com.livechat.contracts.events.Topics;
import com.livechat.testsupport.EmbeddedKafka;
import org.apache.kafka.common.serialization.StringDeserializer;
import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.RoutingEvent.AgentStateChanged;
import com.livechat.contracts.events.RoutingEvent.ChatAssigned;
import com.livechat.contracts.events.RoutingEvent.ChatOffered;
import com.livechat.contracts.events.RoutingEvent.OfferWithdrawn;
import com.livechat.contracts.events.RoutingEvent.QueueDeleted;
import com.livechat.contracts.events.RoutingEvent.QueuePositionChanged;
import com.livechat.contracts.events.RoutingEvent.QueueTimedOut;
import com.livechat.contracts.events.RoutingEvent.RoutingCommandRejected;
import com.livechat.contracts.events.RoutingEvent.WaitingNoticeIssued;
import com.livechat.contracts.events.RoutingCommand;
import com.livechat.contracts.events.WithdrawReason;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.MutableClock;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.livechat.testsupport.auth.AdminRequests.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Routing decisions end to end: Kafka in, PostgreSQL, Kafka out. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_routing_test"))
class RoutingFlowTest extends RoutingTestBase {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    /** Deadlines are reached by moving this clock forward; the periodic scans then see them. */
    @Inject
    MutableClock clock;

    @Test
    void queuedChatIsOfferedToTheAvailableAgentAndAssignedOnAccept() {
        String queue = Inputs.id("q");
        String agent = Inputs.id("a");
        String chat = Inputs.id("c");
        putQueue(queue, 30);
        putAgent(agent, 3, queue);
        changeState(agent, AgentState.AVAILABLE);

        inputs().send(Inputs.queued(chat, queue, T0));
        ChatOffered offer = awaitOffer(chat);
        assertEquals(agent, offer.agentId());
        assertEquals(OfferKind.QUEUE, offer.kind());
        assertEquals(T0, offer.receivedAt());
        assertEquals(queue, offer.queueId());
        assertEquals("Queue " + queue, offer.queueName());
        assertEquals("Agent " + agent, offer.agentName());
        assertEquals("Customer " + chat.substring(0, 8), offer.customerName());
        assertEquals(offer.occurredAt().plusSeconds(30), offer.expiresAt());

        inputs().send(Inputs.accept(agent, offer.offerId(), chat));
        ChatAssigned assigned = awaitEvent(ChatAssigned.class, e -> e.conversationId().equals(chat));
        assertEquals(agent, assigned.agentId());
        assertEquals(offer.offerId(), assigned.offerId());
        AgentStateChanged load = awaitEvent(AgentStateChanged.class,
                e -> e.agentId().equals(agent) && "Chat assigned".equals(e.reason()));
        assertEquals(1, load.activeChats());
        assertEquals(AgentState.AVAILABLE, load.state());
        assertEquals(List.of(queue), load.queueIds());
    }

    @Test
    void theAgentAvailableLongestGetsTheChatAndThenGoesToTheBackOfTheLine() {
        String queue = Inputs.id("q");
        String carol = Inputs.id("carol");
        String alice = Inputs.id("alice");
        String bob = Inputs.id("bob");
        putQueue(queue, 30);
        for (String agent : List.of(carol, alice, bob)) {
            putAgent(agent, 2, queue);
        }
        // Available in this order: carol has waited longest, then alice, then bob.
        changeState(carol, AgentState.AVAILABLE);
        changeState(alice, AgentState.AVAILABLE);
        changeState(bob, AgentState.AVAILABLE);

        List<String> expected = List.of(carol, alice, bob, carol, alice, bob);
        for (int i = 0; i < expected.size(); i++) {
            String chat = Inputs.id("c" + i);
            inputs().send(Inputs.queued(chat, queue, T0.plusSeconds(i)));
            assertEquals(expected.get(i), awaitOffer(chat).agentId(), "chat " + i);
        }
    }

    @Test
    void waitingChatsAreOfferedInOrderOfWaitingSinceNotArrival() {
        String queue = Inputs.id("q");
        String agent = Inputs.id("a");
        putQueue(queue, 30);
        putAgent(agent, 1, queue);
        String late = Inputs.id("late");
        String early = Inputs.id("early");
        inputs().send(Inputs.queued(late, queue, T0.plusSeconds(60)));
        inputs().send(Inputs.queued(early, queue, T0));
        awaitEvent(QueuePositionChanged.class, e -> e.conversationId().equals(late) && e.position() == 2);

        changeState(agent, AgentState.AVAILABLE);
        assertEquals(agent, awaitOffer(early).agentId());
        assertTrue(offers(late).isEmpty());
        awaitEvent(QueuePositionChanged.class, e -> e.conversationId().equals(late) && e.position() == 1);
    }

    /**
     * Far back in a long queue a position is published once it moved by a tenth (QueuePositions): a whole queue
     * shifts with every offer from its head, and each shift was an event per waiting chat.
     */
    @Test
    void farBackInTheQueueAPositionIsPublishedOnceItMovedByATenth() {
        String queue = Inputs.id("q");
        putQueue(queue, 30);
        List<String> chats = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            chats.add(Inputs.id("w" + i));
        }
        for (int i = 0; i < 69; i++) {
            inputs().send(Inputs.queued(chats.get(i), queue, T0.plusSeconds(i)));
        }
        for (int i = 0; i < 69; i++) {
            String chat = chats.get(i);
            awaitEvent(QueuePositionChanged.class, e -> e.conversationId().equals(chat));
        }
        // Last to arrive and last in the queue: nothing ahead of it moves any more.
        String last = chats.get(69);
        inputs().send(Inputs.queued(last, queue, T0.plusSeconds(69)));
        awaitEvent(QueuePositionChanged.class, e -> e.conversationId().equals(last) && e.position() == 70);

        // Five offered: 70 → 65 moved by less than a tenth; the chat now 50th is published at once.
        String five = Inputs.id("five");
        putAgent(five, 5, queue);
        changeState(five, AgentState.AVAILABLE);
        String fiftieth = chats.get(54);
        awaitEvent(QueuePositionChanged.class, e -> e.conversationId().equals(fiftieth) && e.position() == 50);
        // Two more: 70 → 63 is a tenth.
        String two = Inputs.id("two");
        putAgent(two, 2, queue);
        changeState(two, AgentState.AVAILABLE);
        awaitEvent(QueuePositionChanged.class, e -> e.conversationId().equals(last) && e.position() == 63);

        assertEquals(List.of(70, 63), recorder().events(QueuePositionChanged.class,
                e -> e.conversationId().equals(last)).stream().map(QueuePositionChanged::position).toList());
    }

    @Test
    void queuePositionsCarryTheEstimatedWaitFromTheQueuesRecentHandleTimes() {
        String queue = Inputs.id("q");
        String agent = Inputs.id("a");
        putQueue(queue, 30);
        putAgent(agent, 1, queue);
        changeState(agent, AgentState.AVAILABLE);
        // Three chats handled for 120 s each; each next one is offered only once the previous one is released.
        for (int i = 0; i < 4; i++) {
            String chat = Inputs.id("h" + i);
            inputs().send(Inputs.queued(chat, queue, T0.plusSeconds(i)));
            ChatOffered offer = awaitOffer(chat);
            inputs().send(Inputs.accept(agent, offer.offerId(), chat));
            awaitEvent(ChatAssigned.class, e -> e.conversationId().equals(chat));
            if (i < 3) {
                clock.advance(Duration.ofSeconds(120));
                inputs().send(Inputs.participation(chat, agent, ParticipantState.ACTIVE, ParticipantState.WRAP_UP));
            }
        }
        // The agent (capacity 1) is busy with the fourth: two chats wait, 1 × 120 / 1 and 2 × 120 / 1 seconds.
        String first = Inputs.id("first");
        String second = Inputs.id("second");
        inputs().send(Inputs.queued(first, queue, T0.plusSeconds(10)));
        inputs().send(Inputs.queued(second, queue, T0.plusSeconds(11)));
        assertEquals(120, awaitEvent(QueuePositionChanged.class,
                e -> e.conversationId().equals(first) && e.position() == 1).estimatedWaitSeconds());
        assertEquals(240, awaitEvent(QueuePositionChanged.class,
                e -> e.conversationId().equals(second) && e.position() == 2).estimatedWaitSeconds());
    }

    @Test
    void capacityIsRespectedAndAReleasedChatFreesTheSlot() {
        String queue = Inputs.id("q");
        String agent = Inputs.id("a");
        putQueue(queue, 30);
        putAgent(agent, 2, queue);
        changeState(agent, AgentState.AVAILABLE);
        String c1 = Inputs.id("c1");
        String c2 = Inputs.id("c2");
        String c3 = Inputs.id("c3");
        inputs().send(Inputs.queued(c1, queue, T0));
        inputs().send(Inputs.queued(c2, queue, T0.plusSeconds(1)));
        inputs().send(Inputs.queued(c3, queue, T0.plusSeconds(2)));
        ChatOffered o1 = awaitOffer(c1);
        ChatOffered o2 = awaitOffer(c2);
        awaitEvent(QueuePositionChanged.class, e -> e.conversationId().equals(c3) && e.position() == 1);
        // Pending offers count toward capacity too: the third chat waits.
        inputs().send(Inputs.accept(agent, o1.offerId(), c1));
        inputs().send(Inputs.accept(agent, o2.offerId(), c2));
        awaitEvent(AgentStateChanged.class, e -> e.agentId().equals(agent) && e.activeChats() == 2);
        assertTrue(offers(c3).isEmpty());
        asAdmin().get("/admin/agents/{id}", agent).then().statusCode(200)
                .body("activeChats", equalTo(2)).body("pendingOffers", equalTo(0));

        // Wrap-up releases the slot: the waiting chat goes to the agent.
        inputs().send(Inputs.participation(c1, agent, ParticipantState.ACTIVE, ParticipantState.WRAP_UP));
        assertEquals(agent, awaitOffer(c3).agentId());
        AgentStateChanged released = awaitEvent(AgentStateChanged.class,
                e -> e.agentId().equals(agent) && "Chat released".equals(e.reason()));
        assertEquals(1, released.activeChats());
        // DONE after WRAP_UP releases nothing twice.
        inputs().send(Inputs.participation(c1, agent, ParticipantState.WRAP_UP, ParticipantState.DONE));
        inputs().send(Inputs.participation(c2, agent, ParticipantState.ACTIVE, ParticipantState.WRAP_UP));
        awaitEvent(AgentStateChanged.class, e -> e.agentId().equals(agent) && "Chat released".equals(e.reason())
                && e.activeChats() == 0);
        asAdmin().get("/admin/agents/{id}", agent).then().statusCode(200)
                .body("activeChats", equalTo(0)).body("pendingOffers", equalTo(1));
    }

    @Test
    void ronaAfterTheQueueTimeoutPutsTheAgentInRonaAndReoffersToTheNextAgent() {
        String queue = Inputs.id("q");
        String first = Inputs.id("first");
        String second = Inputs.id("second");
        putQueue(queue, 5);
        putAgent(first, 1, queue);
        putAgent(second, 1, queue);
        changeState(first, AgentState.AVAILABLE);
        changeState(second, AgentState.AVAILABLE);
        String chat = Inputs.id("c");
        inputs().send(Inputs.queued(chat, queue, T0));
        ChatOffered offered = awaitOffer(chat);
        assertEquals(first, offered.agentId());
        assertEquals(offered.occurredAt().plusSeconds(5), offered.expiresAt());

        clock.advanceTo(offered.expiresAt());
        OfferWithdrawn withdrawn = awaitEvent(OfferWithdrawn.class, e -> e.offerId().equals(offered.offerId()));
        assertEquals(WithdrawReason.RONA_TIMEOUT, withdrawn.reason());
        assertFalse(withdrawn.occurredAt().isBefore(offered.expiresAt()), "withdrawn before it expired");
        AgentStateChanged rona = awaitEvent(AgentStateChanged.class,
                e -> e.agentId().equals(first) && e.state() == AgentState.RONA);
        assertEquals(AgentState.AVAILABLE, rona.previousState());
        ChatOffered reoffered = await().atMost(WAIT).until(() -> offers(chat), list -> list.size() == 2).get(1);
        assertEquals(second, reoffered.agentId());
        assertEquals(T0, reoffered.receivedAt(), "the original wait time is kept");

        // In RONA the first agent gets nothing, even with a chat waiting and a free slot...
        String next = Inputs.id("next");
        inputs().send(Inputs.queued(next, queue, T0.plusSeconds(10)));
        awaitEvent(QueuePositionChanged.class, e -> e.conversationId().equals(next) && e.position() == 1);
        assertTrue(offers(next).isEmpty());
        // ...until they set themselves AVAILABLE.
        changeState(first, AgentState.AVAILABLE);
        assertEquals(first, awaitOffer(next).agentId());
    }

    @Test
    void anIdleAgentGetsNothingUntilAvailable() {
        String queue = Inputs.id("q");
        String agent = Inputs.id("a");
        String code = Inputs.id("break");
        putQueue(queue, 30);
        putAgent(agent, 3, queue);
        asAdmin().contentType(ContentType.JSON).body(Map.of("label", "Break")).put("/admin/idle-codes/{code}", code)
                .then().statusCode(200);
        inputs().send(Inputs.idle(agent, code));
        AgentStateChanged idle = awaitEvent(AgentStateChanged.class,
                e -> e.agentId().equals(agent) && e.state() == AgentState.IDLE);
        assertEquals(code, idle.idleCode());
        assertEquals(AgentState.LOGGED_OUT, idle.previousState());

        String chat = Inputs.id("c");
        inputs().send(Inputs.queued(chat, queue, T0));
        awaitEvent(QueuePositionChanged.class, e -> e.conversationId().equals(chat) && e.position() == 1);
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> offers(chat).isEmpty());

        changeState(agent, AgentState.AVAILABLE);
        assertEquals(agent, awaitOffer(chat).agentId());
    }

    @Test
    void aDeclinedChatGoesBackToTheHeadOfItsQueueAndTheAgentToRona() {
        String queue = Inputs.id("q");
        String decliner = Inputs.id("decliner");
        String other = Inputs.id("other");
        putQueue(queue, 30);
        putAgent(decliner, 1, queue);
        putAgent(other, 1, queue);
        changeState(decliner, AgentState.AVAILABLE);
        String head = Inputs.id("head");
        String behind = Inputs.id("behind");
        inputs().send(Inputs.queued(head, queue, T0));
        ChatOffered offered = awaitOffer(head);
        inputs().send(Inputs.queued(behind, queue, T0.plusSeconds(1)));
        awaitEvent(QueuePositionChanged.class, e -> e.conversationId().equals(behind) && e.position() == 1);

        inputs().send(Inputs.decline(decliner, offered.offerId(), head));
        assertEquals(WithdrawReason.DECLINED,
                awaitEvent(OfferWithdrawn.class, e -> e.offerId().equals(offered.offerId())).reason());
        awaitEvent(AgentStateChanged.class, e -> e.agentId().equals(decliner) && e.state() == AgentState.RONA
                && "Declined an offer".equals(e.reason()));
        awaitEvent(QueuePositionChanged.class, e -> e.conversationId().equals(head) && e.position() == 1);
        awaitEvent(QueuePositionChanged.class, e -> e.conversationId().equals(behind) && e.position() == 2);
        asAdmin().get("/queues/{id}/waiting", queue).then().statusCode(200)
                .body("conversationId", equalTo(List.of(head, behind)));

        changeState(other, AgentState.AVAILABLE);
        ChatOffered reoffered = await().atMost(WAIT).until(() -> offers(head), list -> list.size() == 2).get(1);
        assertEquals(other, reoffered.agentId());
        assertTrue(offers(behind).isEmpty());
    }

    @Test
    void anOfferThatIsNoLongerPendingCannotBeAccepted() {
        String queue = Inputs.id("q");
        String agent = Inputs.id("a");
        String intruder = Inputs.id("intruder");
        putQueue(queue, 30);
        putAgent(agent, 1, queue);
        putAgent(intruder, 1, queue);
        changeState(agent, AgentState.AVAILABLE);
        String chat = Inputs.id("c");
        inputs().send(Inputs.queued(chat, queue, T0));
        ChatOffered offered = awaitOffer(chat);

        RoutingCommand.AcceptOffer wrongAgent = Inputs.accept(intruder, offered.offerId(), chat);
        inputs().send(wrongAgent);
        RoutingCommandRejected notYours = awaitEvent(RoutingCommandRejected.class,
                e -> e.commandId().equals(wrongAgent.commandId()));
        assertEquals(RejectionCode.OFFER_NOT_PENDING, notYours.code());
        assertEquals(intruder, notYours.agentId());

        RoutingCommand.AcceptOffer accept = Inputs.accept(agent, offered.offerId(), chat);
        inputs().send(accept);
        inputs().send(accept); // a redelivery changes nothing
        awaitEvent(ChatAssigned.class, e -> e.conversationId().equals(chat));

        RoutingCommand.AcceptOffer again = Inputs.accept(agent, offered.offerId(), chat);
        inputs().send(again);
        RoutingCommandRejected rejected = awaitEvent(RoutingCommandRejected.class,
                e -> e.commandId().equals(again.commandId()));
        assertEquals(RejectionCode.OFFER_NOT_PENDING, rejected.code());
        assertEquals("The offer is already ACCEPTED.", rejected.reason());
        assertEquals(chat, rejected.conversationId());
        assertEquals(1, recorder().events(ChatAssigned.class, e -> e.conversationId().equals(chat)).size());
        assertTrue(recorder().events(RoutingCommandRejected.class, e -> e.commandId().equals(accept.commandId())).isEmpty());
    }

    @Test
    void illegalStateChangesAreRejectedWithAReason() {
        String agent = Inputs.id("a");
        putAgent(agent, 1);
        RoutingCommand.ChangeAgentState rona = Inputs.state(agent, AgentState.RONA);
        RoutingCommand.ChangeAgentState stillLoggedOut = Inputs.state(agent, AgentState.LOGGED_OUT);
        RoutingCommand.ChangeAgentState unknownCode = Inputs.idle(agent, "no-such-code");
        RoutingCommand.ChangeAgentState ghost = Inputs.state(Inputs.id("ghost"), AgentState.AVAILABLE);
        List.of(rona, stillLoggedOut, unknownCode, ghost).forEach(inputs()::send);

        assertEquals(RejectionCode.ILLEGAL_STATE, rejection(rona).code());
        RoutingCommandRejected same = rejection(stillLoggedOut);
        assertEquals(RejectionCode.ILLEGAL_STATE, same.code());
        assertEquals("An agent who is LOGGED_OUT cannot change to LOGGED_OUT.", same.reason());
        assertEquals(RejectionCode.UNKNOWN_IDLE_CODE, rejection(unknownCode).code());
        assertEquals(RejectionCode.UNKNOWN_AGENT, rejection(ghost).code());
        asAdmin().get("/admin/agents/{id}", agent).then().body("state", equalTo("LOGGED_OUT"));
    }

    @Test
    void aTransferOfferGoesToTheNamedAgentAndIsNotRequeuedOnRona() {
        String queue = Inputs.id("q");
        String target = Inputs.id("target");
        String requester = Inputs.id("requester");
        putQueue(queue, 5);
        putAgent(target, 1);
        changeState(target, AgentState.AVAILABLE);

        String accepted = Inputs.id("accepted");
        inputs().send(Inputs.direct(accepted, OfferKind.TRANSFER, target, requester, queue));
        ChatOffered offer = awaitOffer(accepted);
        assertEquals(OfferKind.TRANSFER, offer.kind());
        assertEquals(target, offer.agentId());
        assertEquals(requester, offer.requestedBy());
        assertEquals(queue, offer.queueId());
        inputs().send(Inputs.accept(target, offer.offerId(), accepted));
        assertEquals(OfferKind.TRANSFER, awaitEvent(ChatAssigned.class, e -> e.conversationId().equals(accepted)).kind());

        // The target is now full: a second transfer to them is refused at once with a fresh offer id.
        String full = Inputs.id("full");
        inputs().send(Inputs.direct(full, OfferKind.TRANSFER, target, requester, queue));
        OfferWithdrawn unavailable = awaitEvent(OfferWithdrawn.class, e -> e.conversationId().equals(full));
        assertEquals(WithdrawReason.UNAVAILABLE, unavailable.reason());
        assertEquals(target, unavailable.agentId());
        assertTrue(offers(full).isEmpty());

        // Not accepted in time: RONA for the target, and routing leaves the chat to the conversation service.
        inputs().send(Inputs.participation(accepted, target, ParticipantState.ACTIVE, ParticipantState.WRAP_UP));
        awaitEvent(AgentStateChanged.class, e -> e.agentId().equals(target) && "Chat released".equals(e.reason()));
        String ignored = Inputs.id("ignored");
        inputs().send(Inputs.direct(ignored, OfferKind.TRANSFER, target, requester, queue));
        ChatOffered pending = awaitOffer(ignored);
        clock.advanceTo(pending.expiresAt());
        OfferWithdrawn rona = awaitEvent(OfferWithdrawn.class, e -> e.offerId().equals(pending.offerId()));
        assertEquals(WithdrawReason.RONA_TIMEOUT, rona.reason());
        assertEquals(OfferKind.TRANSFER, rona.kind());
        awaitEvent(AgentStateChanged.class, e -> e.agentId().equals(target) && e.state() == AgentState.RONA);
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> recorder()
                .events(QueuePositionChanged.class, e -> e.conversationId().equals(ignored)).isEmpty());
        asAdmin().get("/queues/{id}/waiting", queue).then().body("$", empty());
    }

    @Test
    void aConferenceInviteeWhoIsNotAvailableIsRefusedAtOnce() {
        String invitee = Inputs.id("invitee");
        putAgent(invitee, 2);
        String chat = Inputs.id("c");
        inputs().send(Inputs.direct(chat, OfferKind.CONFERENCE, invitee, Inputs.id("host"), null));
        OfferWithdrawn refused = awaitEvent(OfferWithdrawn.class, e -> e.conversationId().equals(chat));
        assertEquals(WithdrawReason.UNAVAILABLE, refused.reason());
        assertEquals(OfferKind.CONFERENCE, refused.kind());

        changeState(invitee, AgentState.AVAILABLE);
        String later = Inputs.id("later");
        inputs().send(Inputs.direct(later, OfferKind.CONFERENCE, invitee, Inputs.id("host"), null));
        ChatOffered offer = awaitOffer(later);
        assertEquals(OfferKind.CONFERENCE, offer.kind());
        assertEquals(offer.occurredAt().plusSeconds(30), offer.expiresAt(), "default RONA timeout without a queue");
    }

    @Test
    void aChatWhoseCustomerLeftLeavesTheQueueAndItsOfferIsCancelled() {
        String queue = Inputs.id("q");
        String agent = Inputs.id("a");
        putQueue(queue, 30);
        putAgent(agent, 1, queue);
        String waiting = Inputs.id("waiting");
        inputs().send(Inputs.queued(waiting, queue, T0));
        awaitEvent(QueuePositionChanged.class, e -> e.conversationId().equals(waiting));
        inputs().send(Inputs.conversation(waiting, ConversationState.QUEUED, ConversationState.ABANDONED));
        await().atMost(WAIT).untilAsserted(() -> asAdmin().get("/queues/{id}/waiting", queue).then().body("$", empty()));

        changeState(agent, AgentState.AVAILABLE);
        String offered = Inputs.id("offered");
        inputs().send(Inputs.queued(offered, queue, T0.plusSeconds(1)));
        ChatOffered offer = awaitOffer(offered);
        inputs().send(Inputs.conversation(offered, ConversationState.OFFERED, ConversationState.ABANDONED));
        assertEquals(WithdrawReason.CANCELLED,
                awaitEvent(OfferWithdrawn.class, e -> e.offerId().equals(offer.offerId())).reason());
        assertTrue(offers(waiting).isEmpty());

        // The agent keeps their state and their slot is free again.
        String next = Inputs.id("next");
        inputs().send(Inputs.queued(next, queue, T0.plusSeconds(2)));
        assertEquals(agent, awaitOffer(next).agentId());
        assertTrue(recorder().events(AgentStateChanged.class,
                e -> e.agentId().equals(agent) && e.state() == AgentState.RONA).isEmpty());
    }

    @Test
    void deletingAQueueWithdrawsItsChatsFromRoutingAndTellsTheConversationService() {
        String queue = Inputs.id("q");
        String agent = Inputs.id("a");
        putQueue(queue, 30);
        putAgent(agent, 1, queue);
        changeState(agent, AgentState.AVAILABLE);
        String offered = Inputs.id("offered");
        String waiting = Inputs.id("waiting");
        inputs().send(Inputs.queued(offered, queue, T0));
        ChatOffered offer = awaitOffer(offered);
        inputs().send(Inputs.queued(waiting, queue, T0.plusSeconds(1)));
        awaitEvent(QueuePositionChanged.class, e -> e.conversationId().equals(waiting));
        // What the console's confirmation states: the offered chat and the waiting one would be interrupted.
        asAdmin().get("/admin/queues/{id}", queue).then().statusCode(200)
                .body("liveChats", equalTo(2)).body("waitingChats", equalTo(1));

        asAdmin().delete("/admin/queues/{id}", queue).then().statusCode(204);
        QueueDeleted deleted = awaitEvent(QueueDeleted.class, e -> e.queueId().equals(queue));
        assertEquals("Queue " + queue, deleted.queueName());
        assertEquals(WithdrawReason.CANCELLED,
                awaitEvent(OfferWithdrawn.class, e -> e.offerId().equals(offer.offerId())).reason());
        asAdmin().get("/queues/{id}/waiting", queue).then().statusCode(404);
        asAdmin().get("/admin/agents/{id}", agent).then().body("queueIds", empty()).body("pendingOffers", equalTo(0));
        asAdmin().delete("/admin/queues/{id}", queue).then().statusCode(404);

        // A chat still on its way to the deleted queue is refused so the customer can be told.
        String late = Inputs.id("late");
        inputs().send(Inputs.queued(late, queue, T0.plusSeconds(2)));
        assertEquals(queue, awaitEvent(QueueTimedOut.class, e -> e.conversationId().equals(late)).queueId());
    }

    @Test
    void aChatWaitingLongerThanTheQueueAllowsTimesOut() {
        String queue = Inputs.id("q");
        putQueue(queue, 30);
        String chat = Inputs.id("c");
        inputs().send(Inputs.queued(chat, queue, T0));
        // When the chat entered the queue, as routing recorded it (no maximum yet, so it stays to be read).
        Instant enteredQueueAt = Instant.parse(await().atMost(WAIT).until(() -> asAdmin().get("/queues/{id}/waiting", queue)
                .then().statusCode(200).extract().<String>path("find { it.conversationId == '" + chat + "' }.enteredQueueAt"),
                entered -> entered != null));
        putQueue(queue, Map.of("name", "Short " + queue, "ronaTimeoutSeconds", 30, "maxWaitSeconds", 1))
                .statusCode(200).body("maxWaitSeconds", equalTo(1));
        clock.advanceTo(enteredQueueAt.plusSeconds(1));

        QueueTimedOut timedOut = awaitEvent(QueueTimedOut.class, e -> e.conversationId().equals(chat));
        assertEquals(queue, timedOut.queueId());
        // Measured from entering the queue, not from waitingSince (T0, long past): both instants are routing's own.
        assertFalse(timedOut.occurredAt().isBefore(enteredQueueAt.plusSeconds(1)),
                "timed out at " + timedOut.occurredAt() + ", entered the queue at " + enteredQueueAt);
        asAdmin().get("/queues/{id}/waiting", queue).then().body("$", empty());
    }

    /** Issue 14: the waiting notice, after the queue's time in it with no agent, once per wait (not again after RONA). */
    @Test
    void aChatWaitingWithNoAgentGetsTheQueuesWaitingNoticeOnce() {
        String queue = Inputs.id("q");
        putQueue(queue, Map.of("name", "Q " + queue, "waitingNoticeSeconds", -1)).statusCode(400)
                .contentType("application/problem+json").body("errors.field", org.hamcrest.Matchers.contains("waitingNoticeSeconds"));
        putQueue(queue, Map.of("name", "Q " + queue, "waitingNoticeText", "x".repeat(501))).statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("waitingNoticeText"));
        putQueue(queue, Map.of("name", "Q " + queue, "ronaTimeoutSeconds", 5,
                "waitingNoticeSeconds", 5, "waitingNoticeText", " All our advisers are busy. ")).statusCode(200)
                .body("waitingNoticeSeconds", equalTo(5)).body("waitingNoticeText", equalTo("All our advisers are busy."));
        String silent = Inputs.id("silent");
        putQueue(silent, Map.of("name", "Silent " + silent, "waitingNoticeSeconds", 0)).statusCode(200)
                .body("waitingNoticeSeconds", equalTo(0));

        String chat = Inputs.id("c");
        inputs().send(Inputs.queued(chat, queue, T0));
        Instant enteredQueueAt = enteredQueueAt(queue, chat);
        clock.advanceTo(enteredQueueAt.plusSeconds(5));
        WaitingNoticeIssued notice = awaitEvent(WaitingNoticeIssued.class, e -> e.conversationId().equals(chat));
        assertEquals(queue, notice.queueId());
        assertEquals(5, notice.waitedSeconds());
        assertEquals("All our advisers are busy.", notice.text());
        assertFalse(notice.occurredAt().isBefore(enteredQueueAt.plusSeconds(5)), "told before the queue's time");

        // Offered, not answered (RONA): back in the queue, long past the time, but this wait was already told.
        String agent = Inputs.id("a");
        putAgent(agent, 1, queue);
        changeState(agent, AgentState.AVAILABLE);
        ChatOffered offered = awaitOffer(chat);
        clock.advanceTo(offered.expiresAt());
        awaitEvent(AgentStateChanged.class, e -> e.agentId().equals(agent) && e.state() == AgentState.RONA);
        String quiet = Inputs.id("quiet");
        inputs().send(Inputs.queued(quiet, silent, T0));
        enteredQueueAt(silent, quiet);
        String later = Inputs.id("later");
        inputs().send(Inputs.queued(later, queue, T0.plusSeconds(1)));
        clock.advanceTo(enteredQueueAt(queue, later).plusSeconds(5));
        // The later chat's notice comes from a scan round that also saw the requeued chat and the silent queue.
        assertEquals(5, awaitEvent(WaitingNoticeIssued.class, e -> e.conversationId().equals(later)).waitedSeconds());
        assertEquals(1, recorder().events(WaitingNoticeIssued.class, e -> e.conversationId().equals(chat)).size());
        assertTrue(recorder().events(WaitingNoticeIssued.class, e -> e.conversationId().equals(quiet)).isEmpty(),
                "a queue with a waiting-notice time of 0 gives none");
    }

    /** When {@code chat} entered {@code queue}, as routing recorded it. */
    private static Instant enteredQueueAt(String queue, String chat) {
        return Instant.parse(await().atMost(WAIT).until(() -> asAdmin().get("/queues/{id}/waiting", queue)
                .then().statusCode(200).extract().<String>path("find { it.conversationId == '" + chat + "' }.enteredQueueAt"),
                entered -> entered != null));
    }

    @Test
    void customersAreToldTheirPositionWheneverItChanges() {
        String queue = Inputs.id("q");
        String agent = Inputs.id("a");
        putQueue(queue, 30);
        putAgent(agent, 1, queue);
        List<String> chats = List.of(Inputs.id("c1"), Inputs.id("c2"), Inputs.id("c3"));
        for (int i = 0; i < chats.size(); i++) {
            inputs().send(Inputs.queued(chats.get(i), queue, T0.plusSeconds(i)));
        }
        for (int i = 0; i < chats.size(); i++) {
            int position = i + 1;
            String chat = chats.get(i);
            awaitEvent(QueuePositionChanged.class, e -> e.conversationId().equals(chat) && e.position() == position);
        }
        changeState(agent, AgentState.AVAILABLE);
        awaitOffer(chats.get(0));
        awaitEvent(QueuePositionChanged.class, e -> e.conversationId().equals(chats.get(1)) && e.position() == 1);
        awaitEvent(QueuePositionChanged.class, e -> e.conversationId().equals(chats.get(2)) && e.position() == 2);
        // Only changes are published: one event per chat per position.
        for (String chat : chats) {
            List<Integer> positions = recorder().events(QueuePositionChanged.class, e -> e.conversationId().equals(chat))
                    .stream().map(QueuePositionChanged::position).toList();
            assertEquals(positions.stream().distinct().count(), positions.size(), chat + " " + positions);
        }
    }

    @Test
    void aRedeliveredQueuedEventIsDecidedOnce() {
        String queue = Inputs.id("q");
        String agent = Inputs.id("a");
        putQueue(queue, 30);
        putAgent(agent, 2, queue);
        changeState(agent, AgentState.AVAILABLE);
        String chat = Inputs.id("c");
        var queued = Inputs.queued(chat, queue, T0);
        inputs().send(queued);
        inputs().send(queued);
        awaitOffer(chat);
        String marker = Inputs.id("marker");
        inputs().send(Inputs.queued(marker, queue, T0.plusSeconds(1)));
        awaitOffer(marker);
        assertEquals(1, offers(chat).size());
    }

    @Test
    void unreadableInputsAreSkippedAndTheChannelGoesOn() {
        String agent = Inputs.id("a");
        putAgent(agent, 1);
        inputs().sendRaw(Topics.ROUTING_COMMANDS, agent, "{not json".getBytes(StandardCharsets.UTF_8));
        inputs().sendRaw(Topics.ROUTING_COMMANDS, agent, "{\"type\":\"NoSuchCommand\"}".getBytes(StandardCharsets.UTF_8));
        changeState(agent, AgentState.AVAILABLE);
        asAdmin().get("/admin/agents/{id}", agent).then().body("state", equalTo("AVAILABLE"));
    }

    @Test
    void aRecordThatCannotBeDecidedIsParkedOnTheDeadLetterTopicAndTheOthersGoOn() {
        String queue = Inputs.id("q");
        String agent = Inputs.id("a");
        putQueue(queue, 30);
        putAgent(agent, 2, queue);
        changeState(agent, AgentState.AVAILABLE);
        try (TopicRecorder<String> deadLetters = new TopicRecorder<>(EmbeddedKafka.bootstrapServers(),
                Topics.ROUTING_DEAD_LETTER, new StringDeserializer(), null)) {
            // PostgreSQL refuses a NUL character in text: this event can never be stored.
            String poison = Inputs.id("poison");
            var unstorable = new ConversationEvent.ConversationQueued(Inputs.id("evt"), poison, 2L, Instant.now(),
                    queue, "Queue", "Nul\u0000Name", false, T0, QueueReason.NEW);
            String fine = Inputs.id("fine");
            inputs().send(unstorable);
            inputs().send(Inputs.queued(fine, queue, T0.plusSeconds(1)));

            assertEquals(agent, awaitOffer(fine).agentId());
            await().atMost(WAIT).until(() -> deadLetters.records(String.class, json -> json.contains(poison)),
                    list -> !list.isEmpty());
            assertTrue(offers(poison).isEmpty());
        }
    }

    private static RoutingCommandRejected rejection(RoutingCommand command) {
        RoutingCommandRejected rejected = awaitEvent(RoutingCommandRejected.class,
                e -> e.commandId().equals(command.commandId()));
        assertEquals(command.agentId(), rejected.agentId());
        assertNotEquals(null, rejected.reason());
        return rejected;
    }
}
