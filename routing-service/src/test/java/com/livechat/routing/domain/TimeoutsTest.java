package com.livechat.routing.domain;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.RoutingEvent.OfferWithdrawn;
import com.livechat.contracts.events.RoutingEvent.QueueTimedOut;
import com.livechat.contracts.events.WithdrawReason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.livechat.routing.domain.World.agent;
import static com.livechat.routing.domain.World.at;
import static com.livechat.routing.domain.World.events;
import static com.livechat.routing.domain.World.pending;
import static com.livechat.routing.domain.World.queue;
import static com.livechat.routing.domain.World.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** RONA and the maximum time in queue, as absolute deadlines, by the core alone. */
class TimeoutsTest {

    @Test
    void anOfferExpiresAtItsDeadlineNotASecondBefore() {
        RoutingState before = ronaWorld(34);
        assertEquals(0, Timeouts.expireOffers(before));
        assertEquals(OfferStatus.PENDING, before.offer("o1").status);

        RoutingState at = ronaWorld(35);
        assertEquals(1, Timeouts.expireOffers(at));
        assertEquals(WithdrawReason.RONA_TIMEOUT, at.offer("o1").withdrawReason);
        assertEquals(AgentState.RONA, at.agent("alice").state);
        assertNotNull(at.waiting("c1"), "the chat goes back to its queue");
    }

    @Test
    void expiredOffersGoEarliestFirstAndAnAgentsSecondOfferIsWithdrawnWhenTheyGoToRona() {
        RoutingState state = at(100).add(queue("q", 30, null));
        Agent alice = agent("alice", AgentState.AVAILABLE, 0, 3, "q");
        Agent bob = agent("bob", AgentState.AVAILABLE, 0, 3, "q");
        state.add(alice).add(bob);
        pending(state, "late", "c1", alice, "q", 40, 70);
        pending(state, "early", "c2", alice, "q", 30, 60);
        pending(state, "bobs", "c3", bob, "q", 50, 80);

        assertEquals(3, Timeouts.expireOffers(state));

        assertEquals(List.of("early", "late", "bobs"),
                events(state, OfferWithdrawn.class).stream().map(OfferWithdrawn::offerId).toList());
        events(state, OfferWithdrawn.class).forEach(e -> assertEquals(WithdrawReason.RONA_TIMEOUT, e.reason()));
        assertEquals(0, alice.pendingOffers);
    }

    @Test
    void aChatTimesOutOfItsQueueAtItsMaximumWaitCountedFromEnteringIt() {
        RoutingState state = at(100).add(queue("short", 30, 60)).add(queue("endless", 30, null))
                .add(waiting("due", "short", 0, 40)).add(waiting("not-yet", "short", 0, 41))
                .add(waiting("forever", "endless", 0, 0));

        assertEquals(1, Timeouts.timeOutWaitingChats(state));

        assertEquals(List.of("due"), events(state, QueueTimedOut.class).stream().map(QueueTimedOut::conversationId)
                .toList());
        assertNull(state.waiting("due"));
        assertNotNull(state.waiting("not-yet"));
        assertNotNull(state.waiting("forever"));
    }

    @Test
    void aLeftMessageNeverTimesOutOfItsQueueWhileALiveChatOfTheSameAgeDoes() {
        WaitingChat left = waiting("left", "short", 0, 0);
        left.leftMessage = true;
        RoutingState state = at(100_000).add(queue("short", 30, 60)).add(waiting("live", "short", 0, 0)).add(left);

        assertEquals(1, Timeouts.timeOutWaitingChats(state));

        assertEquals(List.of("live"), events(state, QueueTimedOut.class).stream()
                .map(QueueTimedOut::conversationId).toList());
        assertNull(state.waiting("live"));
        assertNotNull(state.waiting("left"), "the left message waits until an agent can take it");
        assertFalse(state.queue("short").maxWaitPassed(left, World.T0.plusSeconds(1_000_000)));
    }

    private static RoutingState ronaWorld(int nowSecond) {
        RoutingState state = at(nowSecond).add(queue("q", 30, null));
        Agent alice = agent("alice", AgentState.AVAILABLE, 0, 3, "q");
        state.add(alice);
        pending(state, "o1", "c1", alice, "q", 5, 35);
        return state;
    }
}
