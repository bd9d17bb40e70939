package com.livechat.routing.domain;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.WithdrawReason;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;

/** Changing an agent's state, and publishing every change of their state or load. */
public final class AgentStates {

    private AgentStates() {
    }

    /**
     * Moves the agent to {@code target}. An agent who stops receiving offers loses their pending offers: withdrawn
     * as RONA_TIMEOUT if already expired, UNAVAILABLE otherwise (queue offers go back to their queue).
     */
    public static void change(RoutingState state, Agent agent, AgentState target, String idleCode, String reason) {
        AgentState previous = agent.state;
        agent.enter(target, idleCode, state.now());
        if (!AgentStateRules.receivesOffers(target)) {
            withdrawPendingOffers(state, agent);
        }
        publish(state, agent, previous, reason);
    }

    /** Routing puts an agent who let an offer go unanswered (or declined it) in RONA, if they can go there. */
    public static void enterRona(RoutingState state, String agentId, String reason) {
        Agent agent = state.agent(agentId);
        if (agent != null && AgentStateRules.canTransition(agent.state, AgentState.RONA)) {
            change(state, agent, AgentState.RONA, null, reason);
        }
    }

    public static void withdrawPendingOffers(RoutingState state, Agent agent) {
        state.pendingOffersOf(agent.id).forEach(offer -> Offers.withdraw(state, offer,
                offer.isExpired(state.now()) ? WithdrawReason.RONA_TIMEOUT : WithdrawReason.UNAVAILABLE));
    }

    /** Publishes the agent's state and load; {@code previous} equals the state when only the load changed. */
    public static void publish(RoutingState state, Agent agent, AgentState previous, String reason) {
        state.publish(new RoutingEvent.AgentStateChanged(RoutingState.newId(), state.now(), agent.id,
                agent.displayName, agent.state, previous, agent.idleCode, reason, agent.activeChats, agent.capacity,
                agent.queueIds.stream().sorted().toList()));
    }

    /**
     * Publishes, once per agent (by id), the load changes noted during the decision, with each agent's final count.
     * An agent deleted meanwhile gets nothing more.
     */
    public static void publishLoadChanges(RoutingState state) {
        Map<String, Set<String>> changes = state.loadChanges();
        changes.keySet().stream().sorted(Comparator.naturalOrder()).forEach(agentId -> {
            Agent agent = state.agentIfGiven(agentId);
            if (agent != null) {
                publish(state, agent, agent.state, String.join(", ", changes.get(agentId)));
            }
        });
        changes.clear();
    }
}
