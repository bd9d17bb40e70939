package com.livechat.routing.domain;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.ReferenceData;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.RoutingEvent.AgentStateChanged;
import com.livechat.contracts.events.RoutingEvent.OfferWithdrawn;
import com.livechat.contracts.events.RoutingEvent.QueueDeleted;
import com.livechat.contracts.events.WithdrawReason;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Admin changes, decided by the core alone. */
class AdministrationTest {

    @Test
    void aQueueIsCreatedThenReplacedAndPublishedEachTime() {
        RoutingState state = at(10);
        RoutingQueue queue = Administration.putQueue(state, "q",
                new QueueSettings("Support", RoutingStrategy.LONGEST_AVAILABLE_AGENT, 30, null));
        assertEquals(T0.plusSeconds(10), queue.updatedAt);
        Administration.putQueue(state, "q", new QueueSettings("Premium", RoutingStrategy.LONGEST_AVAILABLE_AGENT, 45, 600));
        assertEquals(45, state.queue("q").ronaTimeoutSeconds);
        assertEquals(600, state.queue("q").maxWaitSeconds);
        assertEquals(List.of(new ReferenceData.QueueInfo("q", "Support", false), new ReferenceData.QueueInfo("q", "Premium", false)),
                state.published());
    }

    @Test
    void deletingAQueueEmptiesItCancelsItsOffersAndItsAgentsStopServingIt() {
        RoutingState state = at(10).add(queue("q", 30, null)).add(waiting("w", "q", 0, 0))
                .add(waiting("elsewhere", "other", 0, 0));
        Agent alice = agent("alice", AgentState.AVAILABLE, 0, 3, "q", "other");
        state.add(alice);
        pending(state, "o1", "offered", alice, "q", 5, 35);

        assertTrue(Administration.deleteQueue(state, "q"));

        assertNull(state.queue("q"));
        assertNull(state.waiting("w"));
        assertEquals("elsewhere", state.waitingChats().get(0).conversationId);
        assertNull(state.waiting("offered"), "a cancelled offer's chat does not go back");
        assertEquals(WithdrawReason.CANCELLED, events(state, OfferWithdrawn.class).get(0).reason());
        assertEquals(Set.of("other"), alice.queueIds);
        assertEquals("Queue q", events(state, QueueDeleted.class).get(0).queueName());
        assertEquals(List.of("OfferWithdrawn", "AgentProfile", "QueueDeleted", "QueueInfo"), published(state));
        assertFalse(Administration.deleteQueue(at(10), "q"));
    }

    @Test
    void aNewAgentStartsLoggedOutAndAnUnknownQueueIsRefused() {
        RoutingState state = at(10).add(queue("q", 30, null));
        Refusal refusal = assertThrows(Refusal.class, () -> Administration.putAgent(state, "alice",
                new AgentSettings("Alice", Set.of("q", "zz", "aa"), 3)));
        assertEquals(RejectionCode.UNKNOWN_QUEUE, refusal.code());
        assertEquals("Unknown queue(s): aa, zz.", refusal.getMessage());
        assertTrue(state.published().isEmpty());

        assertFalse(Administration.putAgent(state, "alice", new AgentSettings("Alice", Set.of("q"), 3)));
        Agent alice = state.agent("alice");
        assertEquals(AgentState.LOGGED_OUT, alice.state);
        assertEquals(T0.plusSeconds(10), alice.stateSince);
        AgentStateChanged created = events(state, AgentStateChanged.class).get(0);
        assertNull(created.previousState());
        assertEquals("Agent created", created.reason());
        assertEquals(List.of("AgentProfile", "AgentStateChanged"), published(state));
    }

    @Test
    void anUnchangedProfileIsRepublishedAloneAndAChangedOneAsksForADispatch() {
        RoutingState state = at(10).add(queue("q", 30, null)).add(agent("alice", AgentState.AVAILABLE, 0, 3, "q"));
        assertFalse(Administration.putAgent(state, "alice", new AgentSettings("Agent alice", Set.of("q"), 3)));
        assertEquals(List.of("AgentProfile"), published(state));
        assertTrue(Administration.putAgent(state, "alice", new AgentSettings("Alice M.", Set.of(), 5)));
        AgentStateChanged updated = events(state, AgentStateChanged.class).get(0);
        assertEquals(AgentState.AVAILABLE, updated.previousState());
        assertEquals("Profile updated by an administrator", updated.reason());
        assertEquals(5, updated.capacity());
        assertEquals(List.of(), updated.queueIds());
    }

    @Test
    void deletingAnAgentLogsThemOutWithdrawsTheirOffersAndReleasesTheirChats() {
        RoutingState state = at(10).add(queue("q", 30, null));
        Agent alice = agent("alice", AgentState.AVAILABLE, 0, 3, "q");
        state.add(alice);
        pending(state, "o1", "c1", alice, "q", 5, 35);
        Offer chat = active(state, "o2", "c2", alice, "q");

        assertTrue(Administration.deleteAgent(state, "alice"));

        assertNull(state.agent("alice"));
        assertEquals(WithdrawReason.UNAVAILABLE, state.offer("o1").withdrawReason);
        assertEquals("c1", state.waitingChats().get(0).conversationId);
        assertEquals(T0.plusSeconds(10), chat.releasedAt);
        ReferenceData.AgentProfile deleted = (ReferenceData.AgentProfile) state.published()
                .get(state.published().size() - 1);
        assertTrue(deleted.deleted());
        AgentStateChanged loggedOut = events(state, AgentStateChanged.class).get(0);
        assertEquals(AgentState.LOGGED_OUT, loggedOut.state());
        assertEquals("Agent deleted by an administrator", loggedOut.reason());
        AgentStates.publishLoadChanges(state);
        assertEquals(1, events(state, AgentStateChanged.class).size(), "nothing more about a deleted agent");
        assertFalse(Administration.deleteAgent(at(10), "alice"));
    }

    @Test
    void idleCodesArePutAndDeletedAndPublished() {
        RoutingState state = at(10);
        Administration.putIdleCode(state, "lunch", "Lunch");
        assertTrue(Administration.deleteIdleCode(state, "lunch"));
        assertFalse(Administration.deleteIdleCode(state, "lunch"));
        assertEquals(List.of(new ReferenceData.IdleCodeInfo("lunch", "Lunch", false),
                new ReferenceData.IdleCodeInfo("lunch", "Lunch", true)), state.published());
    }
}
