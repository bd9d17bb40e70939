package com.livechat.routing.api;

import com.livechat.contracts.events.AgentState;
import com.livechat.routing.domain.Agent;
import com.livechat.routing.persistence.AgentRow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An agent with their current state and load. */
public record AgentView(String id, String displayName, List<String> queueIds, int capacity, AgentState state,
        String idleCode, Instant stateSince, int activeChats, int pendingOffers) {

    /** @param load per agent {active chats, pending offers} ({@code OfferRow.loadOf}) */
    static AgentView of(AgentRow row, Map<String, int[]> load) {
        int[] counts = load.getOrDefault(row.id, new int[2]);
        Agent agent = row.toAgent(counts[0], counts[1]);
        return new AgentView(agent.id, agent.displayName, agent.queueIds.stream().sorted().toList(), agent.capacity,
                agent.state, agent.idleCode, agent.stateSince, agent.activeChats, agent.pendingOffers);
    }
}
