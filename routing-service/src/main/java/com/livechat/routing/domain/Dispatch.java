package com.livechat.routing.domain;

import com.livechat.routing.domain.ChatMatcher.FreeAgent;
import com.livechat.routing.domain.ChatMatcher.Match;
import com.livechat.routing.domain.ChatMatcher.WaitingCandidate;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Offers waiting chats to free agents after any change, in three steps so that its cost does not grow with the
 * number of waiting chats beyond what can be offered: the agents who take chats ({@link #freeAgents}), how many of
 * each queue's oldest chats can matter to them ({@link #chatsToLoad}), then the offers ({@link #offer}). A chat is
 * never offered to an agent whose earlier participation in it is not settled yet (still wrapping it up).
 */
public final class Dispatch {

    private Dispatch() {
    }

    /** An agent's unsettled participation in a chat that waits in a queue. */
    public record UnsettledParticipation(String conversationId, String agentId, String queueId) {
    }

    /** Of the given agents, those who take chats now ({@link Eligibility#takesChats}), with their free slots. */
    public static List<FreeAgent> freeAgents(Collection<Agent> agents) {
        return agents.stream().filter(Eligibility::takesChats)
                .map(agent -> new FreeAgent(agent.id, agent.queueIds, agent.freeSlots(), agent.readySince()))
                .toList();
    }

    /**
     * For each queue the free agents serve, how many of its oldest chats to look at: no more than those agents'
     * free slots, plus one per unsettled participation of theirs in a chat of that queue (such a chat may be
     * skipped, and the next one must then be within reach).
     */
    public static Map<String, Integer> chatsToLoad(List<FreeAgent> free, List<UnsettledParticipation> unsettled) {
        Map<String, Integer> perQueue = new HashMap<>();
        free.forEach(agent -> agent.queueIds().forEach(queue -> perQueue.merge(queue, agent.freeSlots(), Integer::sum)));
        unsettled.forEach(participation -> perQueue.computeIfPresent(participation.queueId(),
                (queue, count) -> count + 1));
        return perQueue;
    }

    /**
     * Offers the waiting chats of {@code state} to its agents, longest-available first ({@link ChatMatcher}); each
     * offered chat leaves its queue until the offer is accepted or withdrawn. The chats of a queue closed at the
     * decision's instant (business hours) keep waiting.
     */
    public static void offer(RoutingState state, List<UnsettledParticipation> unsettled) {
        Map<String, Set<String>> unsettledAgents = new HashMap<>();
        unsettled.forEach(participation -> unsettledAgents
                .computeIfAbsent(participation.conversationId(), id -> new HashSet<>()).add(participation.agentId()));
        List<WaitingChat> chats = state.waitingChats().stream().filter(chat -> {
            RoutingQueue queue = state.queue(chat.queueId);
            return queue != null && queue.isOpen(state.now());
        }).toList();
        List<Match> matches = ChatMatcher.match(freeAgents(state.agents()), chats.stream()
                .map(chat -> new WaitingCandidate(chat.conversationId, chat.queueId, chat.waitingSince,
                        unsettledAgents.getOrDefault(chat.conversationId, Set.of())))
                .toList());
        for (Match match : matches) {
            WaitingChat chat = state.waiting(match.conversationId());
            RoutingQueue queue = state.queue(chat.queueId);
            Offers.open(state, state.agent(match.agentId()), OfferDraft.fromQueue(chat, queue), queue.ronaTimeout(),
                    queue);
            state.leaveQueue(chat.conversationId);
        }
    }
}
