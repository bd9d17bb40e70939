package com.livechat.routing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Set;

/**
 * Pure matching of waiting chats to free agents, the heart of the longest-available-agent strategy.
 *
 * <p>Chats are taken in FIFO order of {@code waitingSince} (ties by conversation id). Each goes to the first agent,
 * in order of how long they have been ready (ties by agent id), who serves the chat's queue and has a free slot. An
 * agent who just got a chat has been ready for no time at all, so they move to the back of the line. An agent whose
 * earlier participation in a chat is not settled is skipped for that chat only (it goes to the next agent or waits).
 */
public final class ChatMatcher {

    private static final Comparator<FreeAgent> LONGEST_READY =
            Comparator.comparing(FreeAgent::readySince).thenComparing(FreeAgent::agentId);
    private static final Comparator<WaitingCandidate> FIFO =
            Comparator.comparing(WaitingCandidate::waitingSince).thenComparing(WaitingCandidate::conversationId);

    private ChatMatcher() {
    }

    /** An agent who takes chats ({@link Eligibility#takesChats}), with their free slots. */
    public record FreeAgent(String agentId, Set<String> queueIds, int freeSlots, Instant readySince) {
    }

    /**
     * A chat waiting in its queue. {@code unsettledAgents}: agents whose earlier participation in this chat is not
     * settled yet (not DONE or WITHDRAWN); the chat is never matched to them.
     */
    public record WaitingCandidate(String conversationId, String queueId, Instant waitingSince,
            Set<String> unsettledAgents) {
    }

    public record Match(String conversationId, String agentId) {
    }

    public static List<Match> match(List<FreeAgent> agents, List<WaitingCandidate> chats) {
        LinkedList<Slot> line = new LinkedList<>();
        agents.stream().filter(agent -> agent.freeSlots() > 0).sorted(LONGEST_READY)
                .forEach(agent -> line.add(new Slot(agent)));
        List<Match> matches = new ArrayList<>();
        for (WaitingCandidate chat : chats.stream().sorted(FIFO).toList()) {
            if (line.isEmpty()) {
                break;
            }
            ListIterator<Slot> cursor = line.listIterator();
            while (cursor.hasNext()) {
                Slot slot = cursor.next();
                if (slot.agent.queueIds().contains(chat.queueId())
                        && Eligibility.mayJoin(chat.unsettledAgents(), slot.agent.agentId())) {
                    matches.add(new Match(chat.conversationId(), slot.agent.agentId()));
                    cursor.remove();
                    if (--slot.remaining > 0) {
                        line.addLast(slot);
                    }
                    break;
                }
            }
        }
        return matches;
    }

    private static final class Slot {
        private final FreeAgent agent;
        private int remaining;

        private Slot(FreeAgent agent) {
            this.agent = agent;
            this.remaining = agent.freeSlots();
        }
    }
}
