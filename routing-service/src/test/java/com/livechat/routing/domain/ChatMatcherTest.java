package com.livechat.routing.domain;

import com.livechat.routing.domain.ChatMatcher.FreeAgent;
import com.livechat.routing.domain.ChatMatcher.Match;
import com.livechat.routing.domain.ChatMatcher.WaitingCandidate;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChatMatcherTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void theAgentReadyLongestGetsTheOldestChat() {
        List<Match> matches = ChatMatcher.match(
                List.of(agent("bob", 1, 20, "q"), agent("alice", 1, 10, "q"), agent("carol", 1, 30, "q")),
                List.of(chat("c3", "q", 3), chat("c1", "q", 1), chat("c2", "q", 2)));
        assertEquals(List.of(new Match("c1", "alice"), new Match("c2", "bob"), new Match("c3", "carol")), matches);
    }

    @Test
    void tiesAreBrokenByAgentIdAndConversationId() {
        List<Match> matches = ChatMatcher.match(
                List.of(agent("b", 1, 10, "q"), agent("a", 1, 10, "q")),
                List.of(chat("y", "q", 5), chat("x", "q", 5)));
        assertEquals(List.of(new Match("x", "a"), new Match("y", "b")), matches);
    }

    @Test
    void anAgentWhoJustGotAChatGoesToTheBackOfTheLine() {
        List<Match> matches = ChatMatcher.match(
                List.of(agent("alice", 2, 10, "q"), agent("bob", 2, 20, "q")),
                List.of(chat("c1", "q", 1), chat("c2", "q", 2), chat("c3", "q", 3), chat("c4", "q", 4),
                        chat("c5", "q", 5)));
        assertEquals(List.of(new Match("c1", "alice"), new Match("c2", "bob"), new Match("c3", "alice"),
                new Match("c4", "bob")), matches);
    }

    @Test
    void chatsOnlyGoToAgentsOfTheirQueueAndWaitOtherwise() {
        List<Match> matches = ChatMatcher.match(
                List.of(agent("sales-agent", 1, 10, "sales"), agent("support-agent", 1, 20, "support")),
                List.of(chat("billing-chat", "billing", 0), chat("support-chat", "support", 1),
                        chat("sales-chat", "sales", 2)));
        assertEquals(List.of(new Match("support-chat", "support-agent"), new Match("sales-chat", "sales-agent")),
                matches);
    }

    @Test
    void agentsWithoutFreeSlotsGetNothing() {
        List<Match> matches = ChatMatcher.match(List.of(agent("full", 0, 0, "q")), List.of(chat("c", "q", 0)));
        assertTrue(matches.isEmpty());
    }

    @Test
    void neverExceedsFreeSlotsAndNeverMatchesAChatTwice() {
        List<FreeAgent> agents = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            agents.add(agent(String.format("agent-%03d", i), 1 + i % 3, i, i % 2 == 0 ? "even" : "odd"));
        }
        List<WaitingCandidate> chats = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            chats.add(chat(String.format("chat-%04d", i), i % 2 == 0 ? "even" : "odd", i));
        }
        List<Match> matches = ChatMatcher.match(agents, chats);
        Map<String, Integer> perAgent = new HashMap<>();
        matches.forEach(match -> perAgent.merge(match.agentId(), 1, Integer::sum));
        agents.forEach(agent -> assertTrue(perAgent.getOrDefault(agent.agentId(), 0) <= agent.freeSlots()));
        assertEquals(matches.size(), matches.stream().map(Match::conversationId).distinct().count());
        int slots = agents.stream().mapToInt(FreeAgent::freeSlots).sum();
        assertEquals(slots, matches.size());
        // FIFO: the matched chats of each queue are its oldest ones.
        for (String queue : Set.of("even", "odd")) {
            List<String> matched = matches.stream().map(Match::conversationId)
                    .filter(id -> Integer.parseInt(id.substring(5)) % 2 == (queue.equals("even") ? 0 : 1))
                    .sorted().toList();
            List<String> oldest = chats.stream().filter(c -> c.queueId().equals(queue))
                    .map(WaitingCandidate::conversationId).sorted().limit(matched.size()).toList();
            assertEquals(oldest, matched);
        }
    }

    @Test
    void aChatSkipsAgentsWhoseParticipationInItIsNotSettledAndTheyTakeTheNextOne() {
        // alice is still wrapping up her earlier part in c1: c1 goes to bob, alice takes c2.
        List<Match> matches = ChatMatcher.match(
                List.of(agent("alice", 1, 10, "q"), agent("bob", 1, 20, "q")),
                List.of(new WaitingCandidate("c1", "q", T0.plusSeconds(1), Set.of("alice")), chat("c2", "q", 2)));
        assertEquals(List.of(new Match("c1", "bob"), new Match("c2", "alice")), matches);
    }

    @Test
    void aChatWaitsWhenItsOnlyAgentHasNotSettledTheirParticipationInIt() {
        List<Match> matches = ChatMatcher.match(List.of(agent("alice", 2, 10, "q")),
                List.of(new WaitingCandidate("c1", "q", T0.plusSeconds(1), Set.of("alice")), chat("c2", "q", 2)));
        assertEquals(List.of(new Match("c2", "alice")), matches);
    }

    private static FreeAgent agent(String id, int freeSlots, int readySecond, String... queues) {
        return new FreeAgent(id, Set.of(queues), freeSlots, T0.plusSeconds(readySecond));
    }

    private static WaitingCandidate chat(String id, String queue, int waitingSecond) {
        return new WaitingCandidate(id, queue, T0.plusSeconds(waitingSecond), Set.of());
    }
}
