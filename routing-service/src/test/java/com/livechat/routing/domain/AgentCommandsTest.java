package com.livechat.routing.domain;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.RoutingCommand;
import com.livechat.contracts.events.RoutingEvent.AgentStateChanged;
import com.livechat.contracts.events.RoutingEvent.ChatAssigned;
import com.livechat.contracts.events.RoutingEvent.OfferWithdrawn;
import com.livechat.contracts.events.RoutingEvent.QueueTimedOut;
import com.livechat.contracts.events.RoutingEvent.RoutingCommandRejected;
import com.livechat.contracts.events.WithdrawReason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.livechat.routing.domain.World.T0;
import static com.livechat.routing.domain.World.agent;
import static com.livechat.routing.domain.World.at;
import static com.livechat.routing.domain.World.events;
import static com.livechat.routing.domain.World.pending;
import static com.livechat.routing.domain.World.published;
import static com.livechat.routing.domain.World.queue;
import static com.livechat.routing.domain.World.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An agent's own commands, decided by the core alone. */
class AgentCommandsTest {

    @Test
    void anAgentBecomesAvailableAndTheChangeIsPublishedWithTheirLoad() {
        RoutingState state = at(10).add(agent("alice", AgentState.LOGGED_OUT, 0, 3, "q"));
        AgentCommands.decide(state, change("alice", AgentState.AVAILABLE, null, null));

        Agent alice = state.agent("alice");
        assertEquals(AgentState.AVAILABLE, alice.state);
        assertEquals(T0.plusSeconds(10), alice.stateSince);
        AgentStateChanged changed = events(state, AgentStateChanged.class).get(0);
        assertEquals(AgentState.LOGGED_OUT, changed.previousState());
        assertEquals("Requested by the agent", changed.reason());
        assertEquals(List.of("q"), changed.queueIds());
        assertEquals(0, changed.activeChats());
    }

    @Test
    void goingIdleNeedsAnExistingIdleCodeAndUsesTheGivenReason() {
        RoutingState state = at(10).add(agent("alice", AgentState.AVAILABLE, 0, 3)).add(new IdleCode("lunch", "Lunch"));
        AgentCommands.decide(state, change("alice", AgentState.IDLE, "nope", null));
        assertEquals(RejectionCode.UNKNOWN_IDLE_CODE, rejection(state).code());
        assertEquals("Unknown idle code 'nope'.", rejection(state).reason());

        AgentCommands.decide(state, change("alice", AgentState.IDLE, "lunch", "Lunch break"));
        assertEquals(AgentState.IDLE, state.agent("alice").state);
        assertEquals("lunch", state.agent("alice").idleCode);
        assertEquals("Lunch break", events(state, AgentStateChanged.class).get(0).reason());
    }

    @Test
    void illegalMovesAndUnknownAgentsAreRefusedAndChangeNothing() {
        RoutingState state = at(10).add(agent("alice", AgentState.AVAILABLE, 0, 3));
        AgentCommands.decide(state, change("alice", AgentState.AVAILABLE, null, null));
        assertEquals("An agent who is AVAILABLE cannot change to AVAILABLE.", rejection(state).reason());
        assertEquals(RejectionCode.ILLEGAL_STATE, rejection(state).code());

        RoutingState rona = at(10).add(agent("alice", AgentState.AVAILABLE, 0, 3));
        AgentCommands.decide(rona, change("alice", AgentState.RONA, null, null));
        assertEquals(RejectionCode.ILLEGAL_STATE, rejection(rona).code());

        RoutingState ghost = at(10);
        AgentCommands.decide(ghost, change("ghost", AgentState.AVAILABLE, null, null));
        assertEquals(RejectionCode.UNKNOWN_AGENT, rejection(ghost).code());
        assertEquals(List.of("RoutingCommandRejected"), published(ghost));
        assertEquals(T0, state.agent("alice").stateSince);
    }

    @Test
    void leavingAvailableWithdrawsPendingOffersAndQueueChatsGoBackToTheirQueue() {
        RoutingState state = at(40).add(queue("q", 30, null));
        Agent alice = agent("alice", AgentState.AVAILABLE, 0, 3, "q");
        state.add(alice);
        pending(state, "expired", "c1", alice, "q", 0, 30);
        pending(state, "open", "c2", alice, "q", 20, 50);

        AgentCommands.decide(state, change("alice", AgentState.LOGGED_OUT, null, null));

        List<OfferWithdrawn> withdrawn = events(state, OfferWithdrawn.class);
        assertEquals(WithdrawReason.RONA_TIMEOUT, withdrawn.get(0).reason());
        assertEquals(WithdrawReason.UNAVAILABLE, withdrawn.get(1).reason());
        assertEquals(0, alice.pendingOffers);
        assertEquals(List.of("c1", "c2"), state.waitingChats().stream().map(chat -> chat.conversationId).toList());
        assertEquals(T0, state.waiting("c1").waitingSince, "back with the original waiting time");
        assertEquals(T0.plusSeconds(1), state.waiting("c1").enteredQueueAt, "and the original entry in its queue");
        assertEquals(List.of("OfferWithdrawn", "OfferWithdrawn", "AgentStateChanged"), published(state));
    }

    @Test
    void anAcceptInTimeAssignsTheChatAndCountsItOnce() {
        RoutingState state = at(10);
        Agent alice = agent("alice", AgentState.AVAILABLE, 0, 3, "q");
        state.add(alice);
        Offer offer = pending(state, "o1", "c1", alice, "q", 5, 35);

        AgentCommands.decide(state, accept("alice", "o1", "c1"));
        AgentStates.publishLoadChanges(state);

        assertEquals(OfferStatus.ACCEPTED, offer.status);
        assertEquals(T0.plusSeconds(10), offer.closedAt);
        assertEquals(1, alice.activeChats);
        assertEquals(0, alice.pendingOffers);
        ChatAssigned assigned = events(state, ChatAssigned.class).get(0);
        assertEquals("Agent alice", assigned.agentName());
        AgentStateChanged load = events(state, AgentStateChanged.class).get(0);
        assertEquals("Chat assigned", load.reason());
        assertEquals(1, load.activeChats());
        assertEquals(AgentState.AVAILABLE, load.previousState());
    }

    @Test
    void onlyAnAcceptCarriedOutLeavesNothingNewToOffer() {
        RoutingState state = at(10).add(queue("q", 30, null));
        Agent alice = agent("alice", AgentState.AVAILABLE, 0, 3, "q");
        state.add(alice);
        pending(state, "o1", "c1", alice, "q", 5, 35);
        pending(state, "o2", "c2", alice, "q", 5, 35);

        assertFalse(AgentCommands.decide(state, accept("alice", "o1", "c1")));
        assertTrue(AgentCommands.decide(state, accept("alice", "o1", "c1")), "a refused accept");
        assertTrue(AgentCommands.decide(state, decline("alice", "o2", "c2")));
        assertTrue(AgentCommands.decide(state, change("alice", AgentState.AVAILABLE, null, null)));

        RoutingState late = at(35).add(queue("q", 30, null));
        Agent bob = agent("bob", AgentState.AVAILABLE, 0, 3, "q");
        late.add(bob);
        pending(late, "o3", "c3", bob, "q", 5, 35);
        assertTrue(AgentCommands.decide(late, accept("bob", "o3", "c3")), "an accept after the deadline is RONA");
    }

    @Test
    void anotherAgentsOfferAnotherConversationOrNoOfferAreNotPendingForThisAgent() {
        for (RoutingCommand command : List.of(accept("bob", "o1", "c1"), accept("alice", "o1", "other"),
                accept("alice", "nope", null), decline("bob", "o1", null))) {
            RoutingState attempt = at(10);
            Agent alice = agent("alice", AgentState.AVAILABLE, 0, 3, "q");
            attempt.add(alice).add(agent("bob", AgentState.AVAILABLE, 0, 3, "q"));
            pending(attempt, "o1", "c1", alice, "q", 5, 35);
            AgentCommands.decide(attempt, command);
            assertEquals(RejectionCode.OFFER_NOT_PENDING, rejection(attempt).code(), command.toString());
            assertTrue(rejection(attempt).reason().startsWith("No offer '"), rejection(attempt).reason());
            assertEquals(OfferStatus.PENDING, attempt.offer("o1").status);
        }
    }

    @Test
    void anOfferAlreadyAcceptedIsRefusedWithItsStatus() {
        RoutingState state = at(10);
        Agent alice = agent("alice", AgentState.AVAILABLE, 0, 3, "q");
        state.add(alice);
        pending(state, "o1", "c1", alice, "q", 5, 35);
        AgentCommands.decide(state, accept("alice", "o1", "c1"));
        AgentCommands.decide(state, accept("alice", "o1", "c1"));
        RoutingCommandRejected rejected = rejection(state);
        assertEquals("The offer is already ACCEPTED.", rejected.reason());
        assertEquals("c1", rejected.conversationId());
        assertEquals(1, alice.activeChats);
    }

    @Test
    void anAcceptAtTheDeadlineIsRefusedAndTheOfferGoesRonaAtOnce() {
        RoutingState state = at(35).add(queue("q", 30, null));
        Agent alice = agent("alice", AgentState.AVAILABLE, 0, 3, "q");
        state.add(alice);
        pending(state, "o1", "c1", alice, "q", 5, 35);

        AgentCommands.decide(state, accept("alice", "o1", "c1"));

        assertEquals("The offer expired at " + T0.plusSeconds(35) + ".", rejection(state).reason());
        assertEquals(WithdrawReason.RONA_TIMEOUT, events(state, OfferWithdrawn.class).get(0).reason());
        assertEquals(AgentState.RONA, alice.state);
        assertEquals("No answer to an offer within the RONA timeout",
                events(state, AgentStateChanged.class).get(0).reason());
        assertEquals(T0, state.waiting("c1").waitingSince);
        assertEquals(0, alice.activeChats);
    }

    @Test
    void aDeclineIsRonaWithItsOwnReasonAndTheChatGoesBackToTheHeadOfItsQueue() {
        RoutingState state = at(10).add(queue("q", 30, null)).add(waiting("later", "q", 5, 5));
        Agent alice = agent("alice", AgentState.AVAILABLE, 0, 3, "q");
        state.add(alice);
        pending(state, "o1", "c1", alice, "q", 5, 35);

        AgentCommands.decide(state, decline("alice", "o1", "c1"));

        assertEquals(WithdrawReason.DECLINED, events(state, OfferWithdrawn.class).get(0).reason());
        assertEquals("Declined an offer", events(state, AgentStateChanged.class).get(0).reason());
        assertEquals(AgentState.RONA, alice.state);
        assertEquals(List.of("c1", "later"), state.waitingChats().stream().map(chat -> chat.conversationId).toList());
    }

    @Test
    void aDeclineAfterTheDeadlineCountsAsNoAnswer() {
        RoutingState state = at(40).add(queue("q", 30, null));
        Agent alice = agent("alice", AgentState.AVAILABLE, 0, 3, "q");
        state.add(alice);
        pending(state, "o1", "c1", alice, "q", 5, 35);
        AgentCommands.decide(state, decline("alice", "o1", null));
        assertEquals(WithdrawReason.RONA_TIMEOUT, events(state, OfferWithdrawn.class).get(0).reason());
        assertTrue(events(state, RoutingCommandRejected.class).isEmpty());
    }

    @Test
    void aQueueOfferWhoseQueueWasDeletedIsNotRequeuedButTimedOut() {
        RoutingState state = at(10);
        Agent alice = agent("alice", AgentState.AVAILABLE, 0, 3, "gone");
        state.add(alice);
        pending(state, "o1", "c1", alice, "gone", 5, 35);
        AgentCommands.decide(state, decline("alice", "o1", "c1"));
        assertEquals("gone", events(state, QueueTimedOut.class).get(0).queueId());
        assertNull(state.waiting("c1"));
    }

    private static RoutingCommandRejected rejection(RoutingState state) {
        List<RoutingCommandRejected> rejected = events(state, RoutingCommandRejected.class);
        return rejected.get(rejected.size() - 1);
    }

    static RoutingCommand.ChangeAgentState change(String agentId, AgentState target, String idleCode, String reason) {
        return new RoutingCommand.ChangeAgentState("cmd-" + agentId + target, agentId, T0, target, idleCode, reason);
    }

    static RoutingCommand.AcceptOffer accept(String agentId, String offerId, String conversationId) {
        return new RoutingCommand.AcceptOffer("cmd-accept", agentId, T0, offerId, conversationId);
    }

    static RoutingCommand.DeclineOffer decline(String agentId, String offerId, String conversationId) {
        return new RoutingCommand.DeclineOffer("cmd-decline", agentId, T0, offerId, conversationId);
    }
}
