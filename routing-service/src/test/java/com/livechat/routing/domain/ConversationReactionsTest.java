package com.livechat.routing.domain;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.QueueReason;
import com.livechat.contracts.events.RoutingEvent.AgentStateChanged;
import com.livechat.contracts.events.RoutingEvent.ChatOffered;
import com.livechat.contracts.events.RoutingEvent.OfferWithdrawn;
import com.livechat.contracts.events.RoutingEvent.QueueTimedOut;
import com.livechat.contracts.events.WithdrawReason;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.livechat.routing.domain.World.DEFAULT_RONA;
import static com.livechat.routing.domain.World.T0;
import static com.livechat.routing.domain.World.active;
import static com.livechat.routing.domain.World.agent;
import static com.livechat.routing.domain.World.at;
import static com.livechat.routing.domain.World.events;
import static com.livechat.routing.domain.World.pending;
import static com.livechat.routing.domain.World.published;
import static com.livechat.routing.domain.World.queue;
import static com.livechat.routing.domain.World.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What routing does about conversation events, decided by the core alone. */
class ConversationReactionsTest {

    private final ConversationReactions reactions = new ConversationReactions(DEFAULT_RONA);

    @Test
    void onlyQueuingDirectOffersAndEndsConcernRouting() {
        assertTrue(ConversationReactions.concernsRouting(queued("c", "q", T0)));
        assertTrue(ConversationReactions.concernsRouting(direct("c", OfferKind.TRANSFER, "bob", null)));
        assertTrue(ConversationReactions.concernsRouting(participation("c", "a", ParticipantState.WRAP_UP)));
        assertFalse(ConversationReactions.concernsRouting(participation("c", "a", ParticipantState.ACTIVE)));
        assertTrue(ConversationReactions.concernsRouting(conversation("c", ConversationState.INTERRUPTED)));
        assertFalse(ConversationReactions.concernsRouting(conversation("c", ConversationState.CONNECTED)));
    }

    @Test
    void aQueuedChatWaitsFromItsWaitingSinceAndEntersTheQueueNow() {
        RoutingState state = at(10).add(queue("q", 30, null));
        reactions.decide(state, queued("c", "q", T0.minusSeconds(60)));
        WaitingChat chat = state.waiting("c");
        assertEquals(T0.minusSeconds(60), chat.waitingSince);
        assertEquals(T0.plusSeconds(10), chat.enteredQueueAt);
        assertEquals("Customer c", chat.customerName);
        assertTrue(state.published().isEmpty());
    }

    @Test
    void queuedAgainTheEarliestWaitingSinceWinsAndAnotherQueueRestartsItsMaximumWait() {
        RoutingState state = at(10).add(queue("q", 30, null)).add(queue("other", 30, null))
                .add(waiting("c", "q", 0, 2));
        reactions.decide(state, queued("c", "q", T0.plusSeconds(5)));
        assertEquals(T0, state.waiting("c").waitingSince);
        assertEquals(T0.plusSeconds(2), state.waiting("c").enteredQueueAt, "same queue: same entry");
        reactions.decide(state, queued("c", "other", T0.minusSeconds(5)));
        assertEquals(T0.minusSeconds(5), state.waiting("c").waitingSince);
        assertEquals(T0.plusSeconds(10), state.waiting("c").enteredQueueAt);
        assertEquals("other", state.waiting("c").queueId);
    }

    @Test
    void aChatQueuedToAnUnknownQueueTimesOutAndLeavesTheOneItWasIn() {
        RoutingState state = at(10).add(waiting("c", "q", 0, 0));
        reactions.decide(state, queued("c", "deleted", T0));
        assertEquals("deleted", events(state, QueueTimedOut.class).get(0).queueId());
        assertNull(state.waiting("c"));
    }

    @Test
    void queuingAChatCancelsItsPendingOfferWithoutRequeuingItTwice() {
        RoutingState state = at(10).add(queue("q", 30, null));
        Agent alice = agent("alice", AgentState.AVAILABLE, 0, 3, "q");
        state.add(alice);
        pending(state, "o1", "c", alice, "q", 5, 35);
        reactions.decide(state, queued("c", "q", T0));
        assertEquals(WithdrawReason.CANCELLED, events(state, OfferWithdrawn.class).get(0).reason());
        assertEquals(AgentState.AVAILABLE, alice.state, "a cancelled offer is not the agent's fault");
        assertEquals(0, alice.pendingOffers);
        assertNotNull(state.waiting("c"));
    }

    @Test
    void aDirectOfferGoesToTheNamedAgentWithTheQueuesTimeout() {
        RoutingState state = at(10).add(queue("q", 45, null)).add(agent("bob", AgentState.AVAILABLE, 0, 1));
        reactions.decide(state, direct("c", OfferKind.CONFERENCE, "bob", "q"));
        ChatOffered offered = events(state, ChatOffered.class).get(0);
        assertEquals(OfferKind.CONFERENCE, offered.kind());
        assertEquals("bob", offered.agentId());
        assertEquals("host", offered.requestedBy());
        assertEquals("Queue q", offered.queueName());
        assertEquals(T0.plusSeconds(55), offered.expiresAt());
        assertEquals(T0.minusSeconds(60), offered.receivedAt());
        assertEquals(1, state.agent("bob").pendingOffers);
        assertEquals(T0.plusSeconds(10), state.agent("bob").lastOfferedAt);
    }

    @Test
    void aDirectOfferWithoutAKnownQueueTakesTheDefaultTimeout() {
        RoutingState state = at(10).add(agent("bob", AgentState.AVAILABLE, 0, 1));
        reactions.decide(state, direct("c", null, "bob", null));
        ChatOffered offered = events(state, ChatOffered.class).get(0);
        assertEquals(OfferKind.TRANSFER, offered.kind(), "a direct offer without a kind is a transfer");
        assertEquals(T0.plusSeconds(10).plus(DEFAULT_RONA), offered.expiresAt());
    }

    @Test
    void aDirectOfferToAnAgentWhoCannotTakeTheChatIsUnavailableAtOnceWithAFreshOfferId() {
        assertUnavailable(at(10), direct("c", OfferKind.TRANSFER, "ghost", null), "unknown agent");
        assertUnavailable(at(10).add(agent("bob", AgentState.IDLE, 0, 3)),
                direct("c", OfferKind.TRANSFER, "bob", null), "agent is IDLE");
        assertUnavailable(at(10).add(agent("bob", AgentState.AVAILABLE, 0, 3)),
                direct("c", OfferKind.QUEUE, "bob", null), "a direct offer is a TRANSFER or a CONFERENCE");

        RoutingState full = at(10);
        Agent bob = agent("bob", AgentState.AVAILABLE, 0, 1);
        full.add(bob);
        active(full, "o-other", "other", bob, null);
        assertUnavailable(full, direct("c", OfferKind.TRANSFER, "bob", null), "agent has no free capacity");

        RoutingState alreadyOffered = at(10);
        Agent carol = agent("carol", AgentState.AVAILABLE, 0, 3);
        alreadyOffered.add(carol).add(agent("bob", AgentState.AVAILABLE, 0, 3));
        pending(alreadyOffered, "o1", "c", carol, null, 5, 35);
        assertUnavailable(alreadyOffered, direct("c", OfferKind.TRANSFER, "bob", null),
                "the chat already has a pending offer");

        RoutingState wrappingUp = at(10);
        Agent dave = agent("dave", AgentState.AVAILABLE, 0, 3);
        wrappingUp.add(dave);
        active(wrappingUp, "o1", "c", dave, null).release(T0.plusSeconds(5));
        dave.activeChats--;
        assertUnavailable(wrappingUp, direct("c", OfferKind.CONFERENCE, "dave", null),
                "agent's participation in the chat is not settled");
    }

    private void assertUnavailable(RoutingState state, ConversationEvent.AgentOfferRequested request, String why) {
        assertEquals(why, ConversationReactions.unavailableReason(state, state.agent(request.agentId()), request));
        reactions.decide(state, request);
        List<OfferWithdrawn> withdrawn = events(state, OfferWithdrawn.class);
        OfferWithdrawn unavailable = withdrawn.get(withdrawn.size() - 1);
        assertEquals(WithdrawReason.UNAVAILABLE, unavailable.reason());
        assertEquals(request.agentId(), unavailable.agentId());
        assertTrue(state.offers().stream().noneMatch(offer -> offer.id.equals(unavailable.offerId())),
                "a fresh offer id, not an existing offer");
        assertTrue(events(state, ChatOffered.class).isEmpty());
    }

    @Test
    void wrapUpReleasesTheSlotAndDoneSettlesTheParticipation() {
        RoutingState state = at(10);
        Agent alice = agent("alice", AgentState.AVAILABLE, 0, 2);
        state.add(alice);
        Offer offer = active(state, "o1", "c", alice, null);

        reactions.decide(state, participation("c", "alice", ParticipantState.WRAP_UP));
        assertEquals(T0.plusSeconds(10), offer.releasedAt);
        assertNull(offer.settledAt);
        assertEquals(0, alice.activeChats);
        reactions.decide(state, participation("c", "alice", ParticipantState.DONE));
        assertEquals(T0.plusSeconds(10), offer.settledAt);
        AgentStates.publishLoadChanges(state);
        assertEquals(List.of("AgentStateChanged"), published(state), "released once, published once");
        assertTrue(state.unsettledParticipations("c").isEmpty());
    }

    @Test
    void withdrawnCancelsThatAgentsPendingOfferOnly() {
        RoutingState state = at(10);
        Agent alice = agent("alice", AgentState.AVAILABLE, 0, 2);
        state.add(alice);
        pending(state, "o1", "c", alice, null, 5, 35);
        reactions.decide(state, participation("c", "bob", ParticipantState.WITHDRAWN));
        assertEquals(OfferStatus.PENDING, state.offer("o1").status);
        reactions.decide(state, participation("c", "alice", ParticipantState.WITHDRAWN));
        assertEquals(WithdrawReason.CANCELLED, state.offer("o1").withdrawReason);
    }

    @Test
    void aConversationOverLeavesItsQueueCancelsItsOfferAndClosedSettlesEveryParticipation() {
        RoutingState waitingOne = at(10).add(waiting("c", "q", 0, 0));
        reactions.decide(waitingOne, conversation("c", ConversationState.ABANDONED));
        assertNull(waitingOne.waiting("c"));

        RoutingState closed = at(10);
        Agent alice = agent("alice", AgentState.AVAILABLE, 0, 2);
        Agent bob = agent("bob", AgentState.AVAILABLE, 0, 2);
        Agent carol = agent("carol", AgentState.AVAILABLE, 0, 2);
        closed.add(alice).add(bob).add(carol);
        Offer still = active(closed, "o1", "c", alice, null);
        Offer wrapping = active(closed, "o2", "c", bob, null);
        wrapping.release(T0.plusSeconds(5));
        bob.activeChats--;
        Offer invited = pending(closed, "o3", "c", carol, null, 8, 38);

        reactions.decide(closed, conversation("c", ConversationState.CLOSED));

        assertEquals(WithdrawReason.CANCELLED, invited.withdrawReason);
        assertNotNull(still.releasedAt);
        assertNotNull(still.settledAt);
        assertEquals(T0.plusSeconds(5), wrapping.releasedAt, "released once");
        assertNotNull(wrapping.settledAt);
        assertEquals(0, alice.activeChats);
        AgentStates.publishLoadChanges(closed);
        assertEquals(List.of("alice"), events(closed, AgentStateChanged.class).stream()
                .map(AgentStateChanged::agentId).toList());
        assertNotEquals(AgentState.RONA, carol.state);
    }

    @Test
    void aLeftMessageIsOfferedAsAnyChatAndGoesBackToItsQueueStillALeftMessage() {
        RoutingState state = at(10).add(queue("q", 30, 60));
        Agent alice = agent("alice", AgentState.AVAILABLE, 0, 3, "q");
        state.add(alice);
        ConversationEvent.ConversationQueued queued = queued("c", "q", T0);
        reactions.decide(state, new ConversationEvent.ConversationQueued(queued.eventId(), "c", 2L, T0, "q", "Queue q",
                "Customer c", false, T0, QueueReason.NEW, true));
        assertTrue(state.waiting("c").leftMessage);

        Dispatch.offer(state, List.of());
        Offer offer = state.pendingOfferOf("c");
        assertNotNull(offer, "offered when an agent is available");
        assertTrue(offer.leftMessage);

        Offers.noAnswer(state, offer, WithdrawReason.DECLINED);
        WaitingChat back = state.waiting("c");
        assertNotNull(back);
        assertTrue(back.leftMessage, "back in its queue, still a left message");
        assertFalse(state.queue("q").maxWaitPassed(back, T0.plusSeconds(3600)));

        reactions.decide(state, queued("live", "q", T0));
        assertFalse(state.waiting("live").leftMessage, "absent from the event: a live chat");
    }

    static ConversationEvent.ConversationQueued queued(String conversationId, String queueId, Instant waitingSince) {
        return new ConversationEvent.ConversationQueued("evt-q-" + conversationId + queueId, conversationId, 2L, T0,
                queueId, "Queue " + queueId, "Customer " + conversationId, false, waitingSince, QueueReason.NEW);
    }

    static ConversationEvent.AgentOfferRequested direct(String conversationId, OfferKind kind, String agentId,
            String queueId) {
        return new ConversationEvent.AgentOfferRequested("evt-d", conversationId, 10L, T0, kind, agentId, "host",
                queueId, null, "Jean Dupont", false, T0.minusSeconds(60));
    }

    static ConversationEvent.ParticipantStateChanged participation(String conversationId, String agentId,
            ParticipantState to) {
        return new ConversationEvent.ParticipantStateChanged("evt-p", conversationId, 20L, T0, agentId,
                "Agent " + agentId, ParticipantState.ACTIVE, to, "test");
    }

    static ConversationEvent.ConversationStateChanged conversation(String conversationId, ConversationState to) {
        return new ConversationEvent.ConversationStateChanged("evt-c", conversationId, 30L, T0,
                ConversationState.CONNECTED, to, "test");
    }
}
