package com.livechat.routing.domain;

import com.livechat.shared.events.AgentState;
import com.livechat.shared.events.RoutingEvent;
import com.livechat.shared.events.WithdrawReason;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

/** Loading agents and changing their state inside a {@link Decision}; every change is published. */
@ApplicationScoped
public class AgentStates {

    private final Offers offers;

    public AgentStates(Offers offers) {
        this.offers = offers;
    }

    /** The agent with their queues, or null. */
    public Uni<Agent> find(Decision decision, String agentId) {
        if (agentId == null) {
            return Uni.createFrom().nullItem();
        }
        return decision.session()
                .createSelectionQuery("from Agent a left join fetch a.queueIds where a.id = :id", Agent.class)
                .setParameter("id", agentId)
                .getSingleResultOrNull();
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
        return find(decision, agentId).chain(agent -> agent != null && agent.state.canTransitionTo(AgentState.RONA)
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

    /** Publishes the agent's state and load; {@code previous} equals the state when only the load changed. */
    public Uni<Void> publish(Decision decision, Agent agent, AgentState previous, String reason) {
        return offers.activeChats(decision, agent.id).invoke(active -> decision.publish(
                new RoutingEvent.AgentStateChanged(Decision.newId(), decision.now(), agent.id, agent.displayName,
                        agent.state, previous, agent.idleCode, reason, active, agent.capacity,
                        agent.queueIds.stream().sorted().toList())))
                .replaceWithVoid();
    }
}
