package com.livechat.routing.domain;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.RoutingEvent.ChatOffered;
import com.livechat.routing.domain.ChatMatcher.FreeAgent;
import com.livechat.routing.domain.Dispatch.UnsettledParticipation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.livechat.routing.domain.World.T0;
import static com.livechat.routing.domain.World.active;
import static com.livechat.routing.domain.World.agent;
import static com.livechat.routing.domain.World.at;
import static com.livechat.routing.domain.World.events;
import static com.livechat.routing.domain.World.pending;
import static com.livechat.routing.domain.World.queue;
import static com.livechat.routing.domain.World.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dispatch after every decision, by the core alone. */
class DispatchTest {

    @Test
    void onlyAvailableAgentsWithAFreeSlotTakeChats() {
        RoutingState state = at(10);
        Agent busy = agent("busy", AgentState.AVAILABLE, 0, 2, "q");
        state.add(busy).add(agent("idle", AgentState.IDLE, 0, 2, "q")).add(agent("rona", AgentState.RONA, 0, 2, "q"))
                .add(agent("free", AgentState.AVAILABLE, 5, 2, "q"));
        active(state, "o1", "c1", busy, "q");
        pending(state, "o2", "c2", busy, "q", 1, 31);
        List<FreeAgent> free = Dispatch.freeAgents(state.agents());
        assertEquals(List.of("free"), free.stream().map(FreeAgent::agentId).toList());
        assertEquals(2, free.get(0).freeSlots());
        assertEquals(T0.plusSeconds(5), free.get(0).readySince());
    }

    @Test
    void theChatsToLoadPerQueueAreTheFreeSlotsPlusOnePerUnsettledParticipation() {
        List<FreeAgent> free = List.of(new FreeAgent("a", Set.of("q", "r"), 2, T0),
                new FreeAgent("b", Set.of("q"), 1, T0));
        Map<String, Integer> perQueue = Dispatch.chatsToLoad(free,
                List.of(new UnsettledParticipation("c9", "a", "q"), new UnsettledParticipation("c8", "b", "elsewhere")));
        assertEquals(Map.of("q", 4, "r", 2), perQueue);
    }

    @Test
    void theOldestChatGoesToTheAgentReadyLongestAndLeavesTheQueueUntilAnswered() {
        RoutingState state = at(100).add(queue("q", 20, null))
                .add(agent("late", AgentState.AVAILABLE, 50, 1, "q"))
                .add(agent("early", AgentState.AVAILABLE, 10, 1, "q"))
                .add(waiting("young", "q", 30, 30)).add(waiting("old", "q", 20, 25));

        Dispatch.offer(state, List.of());

        List<ChatOffered> offered = events(state, ChatOffered.class);
        assertEquals(List.of("old:early", "young:late"),
                offered.stream().map(e -> e.conversationId() + ":" + e.agentId()).toList());
        ChatOffered first = offered.get(0);
        assertEquals(OfferKind.QUEUE, first.kind());
        assertEquals(T0.plusSeconds(20), first.receivedAt());
        assertEquals(T0.plusSeconds(120), first.expiresAt(), "the queue's RONA timeout from now");
        assertTrue(state.waitingChats().isEmpty());
        assertEquals(T0.plusSeconds(100), state.agent("early").lastOfferedAt);
        assertEquals(1, state.agent("early").pendingOffers);
        Offer offer = state.offer(first.offerId());
        assertEquals(T0.plusSeconds(25), offer.enteredQueueAt, "kept, in case the chat goes back to its queue");
    }

    @Test
    void anAgentStillWrappingUpAChatIsSkippedForThatChatOnly() {
        RoutingState state = at(100).add(queue("q", 20, null))
                .add(agent("wrapping", AgentState.AVAILABLE, 10, 1, "q"))
                .add(waiting("back", "q", 0, 90)).add(waiting("next", "q", 5, 95));

        Dispatch.offer(state, List.of(new UnsettledParticipation("back", "wrapping", "q")));

        assertEquals(List.of("next"), events(state, ChatOffered.class).stream().map(ChatOffered::conversationId).toList());
        assertEquals("back", state.waitingChats().get(0).conversationId);
    }

    @Test
    void withNobodyFreeNothingIsOffered() {
        RoutingState state = at(100).add(queue("q", 20, null)).add(agent("off", AgentState.LOGGED_OUT, 0, 3, "q"))
                .add(waiting("c", "q", 0, 0));
        Dispatch.offer(state, List.of());
        assertTrue(state.published().isEmpty());
        assertNull(state.agent("off").lastOfferedAt);
    }
}
