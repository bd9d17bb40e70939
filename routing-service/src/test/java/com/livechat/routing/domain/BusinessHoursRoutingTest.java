package com.livechat.routing.domain;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.BusinessHours;
import com.livechat.contracts.events.OpeningRange;
import com.livechat.contracts.events.ReferenceData;
import com.livechat.contracts.events.RoutingEvent.ChatOffered;
import com.livechat.contracts.events.RoutingEvent.QueueTimedOut;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.livechat.routing.domain.World.agent;
import static com.livechat.routing.domain.World.events;
import static com.livechat.routing.domain.World.queue;
import static com.livechat.routing.domain.World.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Business hours in routing's core: a closed queue's chats wait without being offered or timed out, and the
 * maximum time in queue counts from the opening. World.T0 is Thursday 2026-01-01 10:00 UTC.
 */
class BusinessHoursRoutingTest {

    /** Thursday 11:00-12:00 UTC: closed at T0, opens at T0 + 3600 s. */
    private static final BusinessHours ELEVEN_TO_NOON = new BusinessHours("UTC",
            List.of(new OpeningRange("THURSDAY", "11:00", "12:00")), List.of());

    private static RoutingState world(int seconds, BusinessHours hours, Integer maxWaitSeconds) {
        RoutingState state = RoutingState.complete(World.T0.plusSeconds(seconds));
        RoutingQueue queue = queue("q", 30, maxWaitSeconds);
        queue.businessHours = hours;
        state.add(queue).add(agent("alice", AgentState.AVAILABLE, 0, 2, "q")).add(waiting("c1", "q", 0, 0));
        return state;
    }

    @Test
    void aClosedQueuesChatWaitsAndIsOfferedFromTheOpening() {
        RoutingState closed = world(3599, ELEVEN_TO_NOON, null);
        Dispatch.offer(closed, List.of());
        assertTrue(events(closed, ChatOffered.class).isEmpty(), "closed: not offered");
        assertNotNull(closed.waiting("c1"), "still waiting");

        RoutingState open = world(3600, ELEVEN_TO_NOON, null);
        Dispatch.offer(open, List.of());
        assertEquals(List.of("c1"), events(open, ChatOffered.class).stream().map(ChatOffered::conversationId).toList());
    }

    @Test
    void aHolidayKeepsTheQueueClosed() {
        BusinessHours holiday = new BusinessHours("UTC", ELEVEN_TO_NOON.weekly(), List.of("2026-01-01"));
        RoutingState state = world(3700, holiday, null);
        Dispatch.offer(state, List.of());
        assertTrue(events(state, ChatOffered.class).isEmpty());
    }

    @Test
    void theMaximumWaitDoesNotRunWhileClosedAndCountsFromTheOpening() {
        // Entered at T0 (closed), maximum 60 s: not at T0 + 3000 s (closed), not at the opening + 59 s, at + 60 s.
        RoutingState closed = world(3000, ELEVEN_TO_NOON, 60);
        assertEquals(0, Timeouts.timeOutWaitingChats(closed));
        RoutingState justOpened = world(3659, ELEVEN_TO_NOON, 60);
        assertEquals(0, Timeouts.timeOutWaitingChats(justOpened));
        RoutingState due = world(3660, ELEVEN_TO_NOON, 60);
        assertEquals(1, Timeouts.timeOutWaitingChats(due));
        assertEquals(1, events(due, QueueTimedOut.class).size());
    }

    @Test
    void aChatThatEntersAnOpenQueueCountsFromItsEntry() {
        RoutingQueue queue = queue("q", 30, 60);
        queue.businessHours = ELEVEN_TO_NOON;
        WaitingChat chat = waiting("c1", "q", 0, 3700);
        Instant opening = World.T0.plusSeconds(3600);
        assertFalse(queue.maxWaitPassed(chat, opening.plusSeconds(159)));
        assertTrue(queue.maxWaitPassed(chat, opening.plusSeconds(160)));
    }

    @Test
    void theScheduleTravelsWithTheQueuesReferenceData() {
        RoutingState state = RoutingState.complete(World.T0);
        RoutingQueue queue = Administration.putQueue(state, "q", new QueueSettings("Q",
                RoutingStrategy.LONGEST_AVAILABLE_AGENT, 30, null, null, null, null, null, ELEVEN_TO_NOON));
        assertEquals(ELEVEN_TO_NOON, queue.businessHours);
        assertFalse(queue.isOpen(World.T0));
        ReferenceData.QueueInfo info = state.published().stream().filter(ReferenceData.QueueInfo.class::isInstance)
                .map(ReferenceData.QueueInfo.class::cast).findFirst().orElseThrow();
        assertEquals(ELEVEN_TO_NOON, info.businessHours());
    }
}
