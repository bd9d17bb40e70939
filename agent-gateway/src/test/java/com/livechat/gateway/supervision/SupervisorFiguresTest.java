package com.livechat.gateway.supervision;

import com.livechat.gateway.supervision.QueueEntry.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The figures' rules (SupervisorFigures), on hand-made entries. */
class SupervisorFiguresTest {

    static final Instant DAY = Instant.parse("2026-12-06T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    static final Duration THRESHOLD = Duration.ofSeconds(20);
    static final List<QueueRef> QUEUES = List.of(new QueueRef("support", "Support"), new QueueRef("billing", "Billing"));

    static QueueEntry waiting(String id, String queue, Instant entered) {
        return new QueueEntry(id, queue, null, "Customer " + id, entered, entered, null, null, null, null, null);
    }

    static QueueEntry ended(String id, String queue, Instant entered, Outcome outcome, Instant at, String agent,
            Instant transferred, Instant handled) {
        return new QueueEntry(id, queue, null, "Customer " + id, entered, entered, outcome, at, agent, transferred,
                handled);
    }

    static Overview compute(List<QueueEntry> entries) {
        return SupervisorFigures.compute(QUEUES, entries, List.of(), List.of(), Map.of(), NOW, DAY, THRESHOLD);
    }

    static QueueFigures queue(Overview overview, String id) {
        return overview.queues().stream().filter(q -> q.queueId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void anEmptyDayListsEveryQueueWithZerosAndNoAverages() {
        Overview overview = compute(List.of());
        assertEquals(List.of("billing", "support"), overview.queues().stream().map(QueueFigures::queueId).toList(),
                "by name");
        QueueFigures support = queue(overview, "support");
        assertEquals(0, support.waiting());
        assertEquals(0, support.longestWaitSeconds());
        assertNull(support.oldestWaitingSince());
        assertNull(support.averageWaitSeconds());
        assertNull(support.averageHandleSeconds());
        assertNull(support.serviceLevel());
        assertEquals(0, support.surveys());
        assertNull(support.averageRating(), "no survey yet");
        assertEquals(20, overview.serviceLevelThresholdSeconds());
    }

    @Test
    void waitingChatsCountWhateverDayTheyEnteredLongestFirst() {
        Overview overview = compute(List.of(waiting("a", "support", NOW.minusSeconds(30)),
                waiting("b", "support", DAY.minusSeconds(60)), waiting("c", "billing", NOW.minusSeconds(5))));
        QueueFigures support = queue(overview, "support");
        assertEquals(2, support.waiting());
        assertEquals(DAY.minusSeconds(60), support.oldestWaitingSince());
        assertEquals(10 * 3600 + 60, support.longestWaitSeconds());
        assertEquals(1, support.offered(), "b entered yesterday");
        assertEquals(List.of("b", "a", "c"), overview.waiting().stream().map(WaitingChat::conversationId).toList());
        assertEquals("Support", overview.waiting().get(0).queueName(), "named from the known queues");
        assertEquals(5, overview.waiting().get(2).waitSeconds());
    }

    @Test
    void answeredAbandonedAveragesAndServiceLevel() {
        Instant t = NOW.minusSeconds(3600);
        Overview overview = compute(List.of(
                ended("a", "support", t, Outcome.ANSWERED, t.plusSeconds(10), "alice", null, t.plusSeconds(310)),
                ended("b", "support", t, Outcome.ANSWERED, t.plusSeconds(20), "bob", null, null),
                ended("c", "support", t, Outcome.ANSWERED, t.plusSeconds(60), "bob", null, t.plusSeconds(160)),
                ended("d", "support", t, Outcome.ABANDONED, t.plusSeconds(90), null, null, null),
                ended("e", "support", t, Outcome.INTERRUPTED, t.plusSeconds(5), null, null, null)));
        QueueFigures support = queue(overview, "support");
        assertEquals(5, support.offered());
        assertEquals(3, support.answered());
        assertEquals(1, support.abandoned());
        assertEquals(0, support.waiting());
        assertEquals(2, support.answeredWithinThreshold(), "20 s is within a 20 s threshold");
        assertEquals(30.0, support.averageWaitSeconds(), 1e-9);
        assertEquals(200.0, support.averageHandleSeconds(), 1e-9, "(300 + 100) / 2: only handled chats count");
        assertEquals(0.5, support.serviceLevel(), 1e-9, "2 within / (3 answered + 1 abandoned)");
    }

    @Test
    void onlyWhatHappenedSinceTheStartOfTheDayCounts() {
        Instant yesterday = DAY.minusSeconds(600);
        Overview overview = compute(List.of(
                // entered yesterday, answered yesterday, transferred and handled today
                ended("a", "support", yesterday, Outcome.ANSWERED, yesterday.plusSeconds(5), "alice",
                        DAY.plusSeconds(5), DAY.plusSeconds(95)),
                // entered yesterday, answered today after 700 s
                ended("b", "support", yesterday, Outcome.ANSWERED, DAY.plusSeconds(100), "bob", null, null)));
        QueueFigures support = queue(overview, "support");
        assertEquals(0, support.offered());
        assertEquals(1, support.answered());
        assertEquals(1, support.transferred());
        assertEquals(700.0, support.averageWaitSeconds(), 1e-9);
        assertEquals(0, support.answeredWithinThreshold());
        assertEquals(0.0, support.serviceLevel(), 1e-9);
        assertEquals(690.0, support.averageHandleSeconds(), 1e-9, "from answer (yesterday, 595 s before midnight) to wrap-up done");
    }

    @Test
    void aQueueNoLongerKnownKeepsItsFiguresUnderTheNameTheEntryCarries() {
        QueueEntry entry = new QueueEntry("a", "old", "Old queue", "C", NOW.minusSeconds(9), NOW.minusSeconds(9),
                Outcome.INTERRUPTED, NOW, null, null, null);
        QueueFigures old = queue(compute(List.of(entry)), "old");
        assertEquals("Old queue", old.queueName());
        assertEquals(1, old.offered());
        assertEquals(0, old.answered());
    }

    @Test
    void agentsWithTimeInStateAndRonaCountByName() {
        List<AgentInput> agents = List.of(
                new AgentInput("bob", "Bob", "RONA", null, NOW.minusSeconds(42), 0, 2),
                new AgentInput("alice", "Alice", "IDLE", "BREAK", NOW.minusSeconds(600), 1, 3),
                new AgentInput("zed", null, "LOGGED_OUT", null, null, 0, 1));
        Overview overview = SupervisorFigures.compute(QUEUES, List.of(), List.of(), agents, Map.of("bob", 2), NOW,
                DAY, THRESHOLD);
        assertEquals(List.of("alice", "bob", "zed"), overview.agents().stream().map(AgentFigures::agentId).toList());
        AgentFigures bob = overview.agents().get(1);
        assertEquals("RONA", bob.state());
        assertEquals(42, bob.secondsInState());
        assertEquals(2, bob.ronaToday());
        AgentFigures alice = overview.agents().get(0);
        assertEquals("BREAK", alice.idleCode());
        assertEquals(1, alice.activeChats());
        assertEquals(3, alice.capacity());
        assertEquals(0, alice.ronaToday());
        assertEquals(0, overview.agents().get(2).secondsInState(), "no known state start");
    }

    @Test
    void aClockBehindTheEventNeverGivesANegativeWait() {
        QueueFigures support = queue(compute(List.of(waiting("a", "support", NOW.plusSeconds(3)))), "support");
        assertEquals(0, support.longestWaitSeconds());
    }

    @Test
    void surveysOfTheDayAreCountedPerQueueWithTheirAverageRating() {
        List<SurveyRating> surveys = List.of(
                new SurveyRating("a", "support", null, 5, NOW.minusSeconds(60)),
                new SurveyRating("b", "support", null, 2, DAY),
                new SurveyRating("c", "support", null, 1, DAY.minusSeconds(1)),
                new SurveyRating("d", "billing", "Billing", 4, NOW.minusSeconds(5)),
                new SurveyRating("e", "gone", "Old queue", 3, NOW.minusSeconds(5)));
        Overview overview = SupervisorFigures.compute(QUEUES, List.of(), surveys, List.of(), Map.of(), NOW, DAY,
                THRESHOLD);
        QueueFigures support = queue(overview, "support");
        assertEquals(2, support.surveys(), "c was submitted yesterday");
        assertEquals(3.5, support.averageRating(), 1e-9);
        assertEquals(1, queue(overview, "billing").surveys());
        assertEquals(4.0, queue(overview, "billing").averageRating(), 1e-9);
        QueueFigures gone = queue(overview, "gone");
        assertEquals("Old queue", gone.queueName(), "a deleted queue keeps its day's surveys");
        assertEquals(1, gone.surveys());
        assertEquals(0, gone.offered());
        assertEquals(List.of("billing", "gone", "support"),
                overview.queues().stream().map(QueueFigures::queueId).toList());
    }
}
