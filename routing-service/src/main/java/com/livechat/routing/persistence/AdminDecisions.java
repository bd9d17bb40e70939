package com.livechat.routing.domain;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ReferenceData;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.WithdrawReason;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Admin changes to queues, agents and idle codes. They are routing decisions like any other (same lock), because
 * they change who can be offered what; each publishes the item's new version as reference data.
 */
@ApplicationScoped
public class RoutingAdmin {

    private final DecisionRunner runner;
    private final Offers offers;
    private final AgentStates agents;
    private final Dispatcher dispatcher;

    public RoutingAdmin(DecisionRunner runner, Offers offers, AgentStates agents, Dispatcher dispatcher) {
        this.runner = runner;
        this.offers = offers;
        this.agents = agents;
        this.dispatcher = dispatcher;
    }

    /** The settings an admin gives a queue. */
    public record QueueSettings(String name, RoutingStrategy strategy, int ronaTimeoutSeconds, Integer maxWaitSeconds) {
    }

    /** The profile an admin gives an agent. */
    public record AgentProfile(String displayName, Set<String> queueIds, int capacity) {
    }

    public Uni<RoutingQueue> putQueue(String id, QueueSettings settings) {
        return runner.run("PutQueue", decision -> decision.session().find(RoutingQueue.class, id).chain(existing -> {
            RoutingQueue queue = existing != null ? existing : new RoutingQueue();
            queue.id = id;
            queue.name = settings.name();
            queue.strategy = settings.strategy();
            queue.ronaTimeoutSeconds = settings.ronaTimeoutSeconds();
            queue.maxWaitSeconds = settings.maxWaitSeconds();
            queue.updatedAt = decision.now();
            decision.publish(new ReferenceData.QueueInfo(queue.id, queue.name, false));
            return (existing != null ? Uni.createFrom().voidItem() : decision.session().persist(queue)).replaceWith(queue);
        }));
    }

    /**
     * Deletes a queue. Its waiting chats leave routing and its pending queue offers are cancelled; {@code
     * QueueDeleted} tells the conversation service to interrupt every conversation that depends on the queue.
     * Returns false when there is no such queue.
     */
    public Uni<Boolean> deleteQueue(String id) {
        return runner.run("DeleteQueue", decision -> decision.session().find(RoutingQueue.class, id).chain(queue -> {
            if (queue == null) {
                return Uni.createFrom().item(false);
            }
            return decision.session()
                    .createSelectionQuery("from WaitingChat w where w.queueId = :queue", WaitingChat.class)
                    .setParameter("queue", id)
                    .getResultList()
                    .chain(waiting -> Multi.createFrom().iterable(waiting)
                            .onItem().transformToUniAndConcatenate(chat -> decision.session().remove(chat))
                            .collect().last())
                    .chain(() -> decision.session()
                            .createSelectionQuery("from Offer o where o.queueId = :queue and o.kind = :kind"
                                    + " and o.status = :pending order by o.offeredAt, o.id", Offer.class)
                            .setParameter("queue", id)
                            .setParameter("kind", OfferKind.QUEUE)
                            .setParameter("pending", OfferStatus.PENDING)
                            .getResultList())
                    .chain(pending -> Multi.createFrom().iterable(pending)
                            .onItem().transformToUniAndConcatenate(offer ->
                                    offers.withdraw(decision, offer, WithdrawReason.CANCELLED))
                            .collect().last())
                    .chain(() -> decision.session()
                            .createSelectionQuery("select distinct a from Agent a left join fetch a.queueIds"
                                    + " where a.id in (select s.id from Agent s join s.queueIds q where q = :queue)",
                                    Agent.class)
                            .setParameter("queue", id)
                            .getResultList())
                    .chain(serving -> {
                        serving.forEach(agent -> {
                            agent.queueIds.remove(id);
                            decision.publish(profileOf(agent));
                        });
                        decision.publish(new RoutingEvent.QueueDeleted(Decision.newId(), decision.now(), id, queue.name));
                        decision.publish(new ReferenceData.QueueInfo(id, queue.name, true));
                        return decision.session().remove(queue);
                    })
                    .chain(() -> dispatcher.dispatch(decision))
                    .replaceWith(true);
        }));
    }

    /** Creates (LOGGED_OUT) or updates an agent; refuses unknown queues with UNKNOWN_QUEUE. */
    public Uni<Agent> putAgent(String id, AgentProfile profile) {
        return runner.run("PutAgent", decision -> checkQueuesExist(decision, profile.queueIds())
                .chain(() -> agents.find(decision, id))
                .chain(existing -> {
                    if (existing == null) {
                        Agent agent = new Agent();
                        agent.id = id;
                        agent.state = AgentState.LOGGED_OUT;
                        agent.stateSince = decision.now();
                        apply(agent, profile);
                        decision.publish(profileOf(agent));
                        return decision.session().persist(agent)
                                .chain(() -> agents.publish(decision, agent, null, "Agent created"))
                                .replaceWith(agent);
                    }
                    if (existing.displayName.equals(profile.displayName()) && existing.capacity == profile.capacity()
                            && existing.queueIds.equals(profile.queueIds())) {
                        decision.publish(profileOf(existing));
                        return Uni.createFrom().item(existing);
                    }
                    apply(existing, profile);
                    decision.publish(profileOf(existing));
                    return agents.publish(decision, existing, existing.state, "Profile updated by an administrator")
                            .chain(() -> dispatcher.dispatch(decision))
                            .replaceWith(existing);
                }));
    }

    /** Deletes an agent: their pending offers are withdrawn (queue chats go back to their queue). */
    public Uni<Boolean> deleteAgent(String id) {
        return runner.run("DeleteAgent", decision -> agents.find(decision, id).chain(agent -> {
            if (agent == null) {
                return Uni.createFrom().item(false);
            }
            Uni<Void> loggedOut = agent.state == AgentState.LOGGED_OUT
                    ? agents.withdrawPendingOffers(decision, agent)
                    : agents.change(decision, agent, AgentState.LOGGED_OUT, null, "Agent deleted by an administrator");
            return loggedOut
                    .chain(() -> decision.session()
                            .createSelectionQuery("from Offer o where o.agentId = :agent and o.status = :accepted"
                                    + " and o.releasedAt is null", Offer.class)
                            .setParameter("agent", id)
                            .setParameter("accepted", OfferStatus.ACCEPTED)
                            .getResultList())
                    .invoke(active -> active.forEach(offer -> offer.release(decision.now())))
                    .chain(() -> {
                        decision.publish(new ReferenceData.AgentProfile(id, agent.displayName,
                                List.copyOf(new TreeSet<>(agent.queueIds)), agent.capacity, true));
                        return decision.session().remove(agent);
                    })
                    .chain(() -> dispatcher.dispatch(decision))
                    .replaceWith(true);
        }));
    }

    public Uni<IdleCode> putIdleCode(String code, String label) {
        return runner.run("PutIdleCode", decision -> decision.session().find(IdleCode.class, code).chain(existing -> {
            IdleCode idleCode = existing != null ? existing : new IdleCode();
            idleCode.code = code;
            idleCode.label = label;
            decision.publish(new ReferenceData.IdleCodeInfo(code, label, false));
            return (existing != null ? Uni.createFrom().voidItem() : decision.session().persist(idleCode))
                    .replaceWith(idleCode);
        }));
    }

    /** Deletes an idle code; agents IDLE with it stay so until they change state. */
    public Uni<Boolean> deleteIdleCode(String code) {
        return runner.run("DeleteIdleCode", decision -> decision.session().find(IdleCode.class, code).chain(idleCode -> {
            if (idleCode == null) {
                return Uni.createFrom().item(false);
            }
            decision.publish(new ReferenceData.IdleCodeInfo(code, idleCode.label, true));
            return decision.session().remove(idleCode).replaceWith(true);
        }));
    }

    private Uni<Void> checkQueuesExist(Decision decision, Set<String> queueIds) {
        if (queueIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return decision.session()
                .createSelectionQuery("select q.id from RoutingQueue q where q.id in :ids", String.class)
                .setParameter("ids", queueIds)
                .getResultList()
                .invoke(found -> {
                    Set<String> unknown = new TreeSet<>(queueIds);
                    found.forEach(unknown::remove);
                    if (!unknown.isEmpty()) {
                        throw new Refusal(RejectionCode.UNKNOWN_QUEUE,
                                "Unknown queue(s): " + String.join(", ", unknown) + ".");
                    }
                })
                .replaceWithVoid();
    }

    private static void apply(Agent agent, AgentProfile profile) {
        agent.displayName = profile.displayName();
        agent.capacity = profile.capacity();
        agent.queueIds.retainAll(profile.queueIds());
        agent.queueIds.addAll(new HashSet<>(profile.queueIds()));
    }

    private static ReferenceData.AgentProfile profileOf(Agent agent) {
        return new ReferenceData.AgentProfile(agent.id, agent.displayName, List.copyOf(new TreeSet<>(agent.queueIds)),
                agent.capacity, false);
    }
}
