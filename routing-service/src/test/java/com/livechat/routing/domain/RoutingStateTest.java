package com.livechat.routing.domain;

import com.livechat.contracts.events.AgentState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.livechat.routing.domain.World.T0;
import static com.livechat.routing.domain.World.agent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A partial state answers only for what it was given, and says so rather than deciding on a wrong picture. */
class RoutingStateTest {

    @Test
    void somethingLookedForAndAbsentDoesNotExistButSomethingNeverLoadedIsALoaderBug() {
        RoutingState state = RoutingState.partial(T0).add(agent("alice", AgentState.AVAILABLE, 0, 3))
                .knowsAgents(List.of("alice", "ghost"));
        assertEquals("alice", state.agent("alice").id);
        assertNull(state.agent("ghost"));
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> state.agent("bob"));
        assertEquals("The agent 'bob' was not loaded for this decision", error.getMessage());
        assertThrows(IllegalStateException.class, () -> state.pendingOffersOf("alice"));
        assertThrows(IllegalStateException.class, () -> state.pendingOfferOf("c1"));
        assertThrows(IllegalStateException.class, () -> state.waiting("c1"));
    }

    @Test
    void publishedEventsAreHandedOverOnceInOrder() {
        RoutingState state = RoutingState.complete(T0);
        Administration.putIdleCode(state, "a", "A");
        Administration.putIdleCode(state, "b", "B");
        assertEquals(2, state.takePublished().size());
        assertEquals(List.of(), state.takePublished());
    }
}
