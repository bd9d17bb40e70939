package com.livechat.routing.persistence;

import com.livechat.contracts.events.OfferKind;
import com.livechat.routing.domain.Administration;
import com.livechat.routing.domain.AgentSettings;
import com.livechat.routing.domain.IdleCode;
import com.livechat.routing.domain.OfferStatus;
import com.livechat.routing.domain.QueueSettings;
import com.livechat.routing.domain.RoutingQueue;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/**
 * Admin changes to queues, agents and idle codes ({@link Administration}), each one locked decision like any other
 * because they change who can be offered what. A change that can make new offers possible (an agent's profile, a
 * deletion) ends with a dispatch.
 */
@ApplicationScoped
public class AdminDecisions {

    private final RoutingTransactions transactions;

    public AdminDecisions(RoutingTransactions transactions) {
        this.transactions = transactions;
    }

    public Uni<RoutingQueue> putQueue(String id, QueueSettings settings) {
        return transactions.run("PutQueue", decision -> transactions.decide(decision, Scope.of().queues(Set.of(id)),
                state -> Administration.putQueue(state, id, settings), queue -> queue.isOpen(decision.now())));
    }

    /** Deletes a queue (see {@link Administration#deleteQueue}); false when there is no such queue. */
    public Uni<Boolean> deleteQueue(String id) {
        return transactions.run("DeleteQueue", decision -> decision.session()
                .createSelectionQuery("select w.conversationId from WaitingChat w where w.queueId = :queue", String.class)
                .setParameter("queue", id)
                .getResultList()
                .chain(waiting -> decision.session()
                        .createSelectionQuery("select o.id from Offer o where o.queueId = :queue and o.kind = :kind"
                                + " and o.status = :pending", String.class)
                        .setParameter("queue", id)
                        .setParameter("kind", OfferKind.QUEUE)
                        .setParameter("pending", OfferStatus.PENDING)
                        .getResultList()
                        .chain(offers -> serving(decision, id).chain(agents -> transactions.decide(decision,
                                Scope.of().queues(Set.of(id)).waiting(waiting).offers(offers).agents(agents),
                                state -> Administration.deleteQueue(state, id), deleted -> deleted)))));
    }

    /** Creates (LOGGED_OUT) or updates an agent; a {@code Refusal} UNKNOWN_QUEUE when a queue does not exist. */
    public Uni<Void> putAgent(String id, AgentSettings settings) {
        return transactions.run("PutAgent", decision -> transactions.decide(decision,
                Scope.of().agents(Set.of(id)).queues(settings.queueIds()),
                state -> Administration.putAgent(state, id, settings), changed -> changed)).replaceWithVoid();
    }

    /** Deletes an agent (see {@link Administration#deleteAgent}); false when there is no such agent. */
    public Uni<Boolean> deleteAgent(String id) {
        return transactions.run("DeleteAgent", decision -> transactions.decide(decision,
                Scope.of().agentsWithOffers(Set.of(id)).activeChatsOf(Set.of(id)),
                state -> Administration.deleteAgent(state, id), deleted -> deleted));
    }

    public Uni<IdleCode> putIdleCode(String code, String label) {
        return transactions.run("PutIdleCode", decision -> transactions.decide(decision,
                Scope.of().idleCodes(Set.of(code)), state -> Administration.putIdleCode(state, code, label),
                idleCode -> false));
    }

    /** Deletes an idle code; false when there is none. */
    public Uni<Boolean> deleteIdleCode(String code) {
        return transactions.run("DeleteIdleCode", decision -> transactions.decide(decision,
                Scope.of().idleCodes(Set.of(code)), state -> Administration.deleteIdleCode(state, code),
                deleted -> false));
    }

    private static Uni<List<String>> serving(Decision decision, String queueId) {
        return decision.session()
                .createSelectionQuery("select a.id from Agent a join a.queueIds q where q = :queue", String.class)
                .setParameter("queue", queueId)
                .getResultList();
    }
}
