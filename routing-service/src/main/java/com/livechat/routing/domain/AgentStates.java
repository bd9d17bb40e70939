package com.livechat.routing.domain;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.WithdrawReason;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Loading agents and changing their state inside a {@link Decision}; every change is published. */
@ApplicationScoped
public class AgentStates {

    private final Offers offers;

    public AgentStates(Offers offers) {
        this.offers = offers;
    }

    /** The agent with their queues, or null; no query when the decision already loaded them. */
    public Uni<Agent> find(Decision decision, String agentId) {
        if (agentId == null) {
            return Uni.createFrom().nullItem();
        }
        return decision.session().find(Agent.class, agentId).chain(agent -> agent == null
                ? Uni.createFrom().<Agent>nullItem()
                : decision.session().fetch(agent.queueIds).replaceWith(agent));
    }

    public Uni<List<Agent>> findAll(Decision decision, Collection<String> agentIds) {
        if (agentIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return decision.session()
                .createSelectionQuery("select distinct a from Agent a left join fetch a.queueIds where a.id in :ids",
                        Agent.class)
                .setParameter("ids", agentIds)
                .getResultList();
    }

    /**
     * Moves the agent to {@code target}. An agent who stops being AVAILABLE loses their pending offers: withdrawn
     * as RONA_TIMEOUT if already expired, UNAVAILABLE otherwise (queue offers go back to their queue).
     */
    public Uni<Void> change(Decision decision, Agent agent, AgentState target, String idleCode, String reason) {
        AgentState previous = agent.state;
        agent.enter(target, idleCode, decision.now());
        Uni<Void> withdrawn = AgentStateRules.receivesOffers(target)
                ? Uni.createFrom().voidItem()
                : withdrawPendingOffers(decision, agent);
        return withdrawn.chain(() -> publish(decision, agent, previous, reason));
    }

    /** Routing puts an agent who let an offer go unanswered (or declined it) in RONA, if they can go there. */
    public Uni<Void> enterRona(Decision decision, String agentId, String reason) {
        return find(decision, agentId).chain(agent -> agent != null && AgentStateRules.canTransition(agent.state, AgentState.RONA)
                ? change(decision, agent, AgentState.RONA, null, reason)
                : Uni.createFrom().voidItem());
    }

    public Uni<Void> withdrawPendingOffers(Decision decision, Agent agent) {
        return offers.pendingOfAgent(decision, agent.id)
                .chain(pending -> Multi.createFrom().iterable(pending)
                        .onItem().transformToUniAndConcatenate(offer -> offers.withdraw(decision, offer,
                                offer.isExpired(decision.now()) ? WithdrawReason.RONA_TIMEOUT : WithdrawReason.UNAVAILABLE))
                        .collect().last()
                        .replaceWithVoid());
    }

    /** Publishes, once per agent, the load changes noted during the decision, with each agent's final count. */
    public Uni<Void> publishLoadChanges(Decision decision) {
        Map<String, Set<String>> changes = decision.loadChanges();
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return findAll(decision, changes.keySet()).chain(found -> offers.activeChats(decision, changes.keySet())
                .invoke(active -> found.stream()
                        .sorted(Comparator.comparing(agent -> agent.id))
                        .forEach(agent -> decision.publish(stateOf(decision, agent, agent.state,
                                String.join(", ", changes.get(agent.id)), active.getOrDefault(agent.id, 0)))))
                .replaceWithVoid());
    }

    /** Publishes the agent's state and load; {@code previous} equals the state when only the load changed. */
    public Uni<Void> publish(Decision decision, Agent agent, AgentState previous, String reason) {
        return offers.activeChats(decision, List.of(agent.id))
                .invoke(active -> decision.publish(stateOf(decision, agent, previous, reason,
                        active.getOrDefault(agent.id, 0))))
                .replaceWithVoid();
    }

    private static RoutingEvent.AgentStateChanged stateOf(Decision decision, Agent agent, AgentState previous,
            String reason, int activeChats) {
        return new RoutingEvent.AgentStateChanged(Decision.newId(), decision.now(), agent.id, agent.displayName,
                agent.state, previous, agent.idleCode, reason, activeChats, agent.capacity,
                agent.queueIds.stream().sorted().toList());
    }
}
