package com.livechat.routing.domain;

import com.livechat.routing.domain.ChatMatcher.FreeAgent;
import com.livechat.routing.domain.ChatMatcher.Match;
import com.livechat.routing.domain.ChatMatcher.WaitingCandidate;
import com.livechat.contracts.events.AgentState;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Offers waiting chats to free agents after any change. Cost does not grow with the number of waiting chats beyond
 * what can be offered: it loads the free agents first (one query, plus one for their load and one for their unsettled
 * participations in waiting chats), then for each queue they serve only as many of its oldest chats as they can take.
 * A chat is never offered to an agent whose earlier participation in it is not settled yet (still wrapping it up).
 */
@ApplicationScoped
public class Dispatcher {

    private final Offers offers;
    private final AgentStates agents;

    public Dispatcher(Offers offers, AgentStates agents) {
        this.offers = offers;
        this.agents = agents;
    }

    public Uni<Void> dispatch(Decision decision) {
        return freeAgents(decision).chain(free -> {
            if (free.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return offers.unsettledInWaitingChats(decision, free.stream().map(FreeAgent::agentId).toList())
                    .chain(unsettled -> oldestChats(decision, free, unsettled).chain(chats -> {
                        Map<String, Set<String>> unsettledAgents = new HashMap<>();
                        unsettled.forEach(row -> unsettledAgents
                                .computeIfAbsent((String) row[0], id -> new HashSet<>()).add((String) row[1]));
                        List<Match> matches = ChatMatcher.match(free, chats.stream()
                                .map(chat -> new WaitingCandidate(chat.conversationId, chat.queueId, chat.waitingSince,
                                        unsettledAgents.getOrDefault(chat.conversationId, Set.of())))
                                .toList());
                        return matches.isEmpty() ? Uni.createFrom().voidItem() : offer(decision, matches, chats);
                    }));
        });
    }

    private Uni<List<FreeAgent>> freeAgents(Decision decision) {
        return decision.session().flush().chain(() -> decision.session()
                .createSelectionQuery("select a.id, a.capacity, a.stateSince, a.lastOfferedAt, q from Agent a"
                        + " join a.queueIds q where a.state = :available", Object[].class)
                .setParameter("available", AgentState.AVAILABLE)
                .getResultList()
                .chain(rows -> {
                    Map<String, AvailableAgent> available = new LinkedHashMap<>();
                    for (Object[] row : rows) {
                        available.computeIfAbsent((String) row[0], id -> new AvailableAgent(id,
                                        ((Number) row[1]).intValue(), (Instant) row[2], (Instant) row[3], new HashSet<>()))
                                .queueIds().add((String) row[4]);
                    }
                    return offers.slotsTaken(decision, available.keySet()).map(taken -> available.values().stream()
                            .map(agent -> new FreeAgent(agent.id(), agent.queueIds(),
                                    agent.capacity() - taken.getOrDefault(agent.id(), 0),
                                    Agent.readySince(agent.stateSince(), agent.lastOfferedAt())))
                            .filter(agent -> agent.freeSlots() > 0)
                            .toList());
                }));
    }

    /**
     * For each queue the free agents serve, its oldest chats: no more than those agents' free slots, plus one per
     * unsettled participation of theirs in a chat of that queue (such a chat may be skipped, and the next one must
     * then be within reach).
     */
    private Uni<List<WaitingChat>> oldestChats(Decision decision, List<FreeAgent> free, List<Object[]> unsettled) {
        Map<String, Integer> slotsPerQueue = new HashMap<>();
        free.forEach(agent -> agent.queueIds().forEach(queue -> slotsPerQueue.merge(queue, agent.freeSlots(), Integer::sum)));
        unsettled.forEach(row -> slotsPerQueue.computeIfPresent((String) row[2], (queue, slots) -> slots + 1));
        return Multi.createFrom().iterable(slotsPerQueue.entrySet())
                .onItem().transformToUniAndConcatenate(queue -> decision.session()
                        .createSelectionQuery("from WaitingChat w where w.queueId = :queue"
                                + " order by w.waitingSince, w.conversationId", WaitingChat.class)
                        .setParameter("queue", queue.getKey())
                        .setMaxResults(queue.getValue())
                        .getResultList())
                .collect().in(ArrayList::new, List::addAll);
    }

    private Uni<Void> offer(Decision decision, List<Match> matches, List<WaitingChat> chats) {
        Map<String, WaitingChat> chatsById = chats.stream()
                .collect(Collectors.toMap(chat -> chat.conversationId, Function.identity()));
        Set<String> agentIds = matches.stream().map(Match::agentId).collect(Collectors.toSet());
        return agents.findAll(decision, agentIds).chain(found -> {
            Map<String, Agent> agentsById = found.stream().collect(Collectors.toMap(agent -> agent.id, Function.identity()));
            return Multi.createFrom().iterable(matches)
                    .onItem().transformToUniAndConcatenate(match -> {
                        WaitingChat chat = chatsById.get(match.conversationId());
                        return decision.session().find(RoutingQueue.class, chat.queueId)
                                .chain(queue -> offers.open(decision, agentsById.get(match.agentId()),
                                        OfferDraft.fromQueue(chat, queue), queue.ronaTimeout()))
                                .chain(() -> decision.session().remove(chat));
                    })
                    .collect().last()
                    .replaceWithVoid();
        });
    }

    private record AvailableAgent(String id, int capacity, Instant stateSince, Instant lastOfferedAt,
            Set<String> queueIds) {
    }
}
