package com.livechat.routing.api;

import com.livechat.routing.domain.Agent;
import com.livechat.contracts.events.AgentState;

import java.time.Instant;
import java.util.List;

/** An agent with their current state and load. */
public record AgentView(String id, String displayName, List<String> queueIds, int capacity, AgentState state,
        String idleCode, Instant stateSince, int activeChats, int pendingOffers) {

    static AgentView of(Agent agent, int activeChats, int pendingOffers) {
        return new AgentView(agent.id, agent.displayName, agent.queueIds.stream().sorted().toList(), agent.capacity,
                agent.state, agent.idleCode, agent.stateSince, activeChats, pendingOffers);
    }
}
