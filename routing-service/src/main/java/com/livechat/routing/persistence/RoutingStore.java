package com.livechat.routing.persistence;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.routing.domain.Dispatch;
import com.livechat.routing.domain.Dispatch.UnsettledParticipation;
import com.livechat.routing.domain.OfferStatus;
import com.livechat.routing.domain.RoutingState;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads what a routing decision works on into a {@link RoutingState} ({@link LoadedState} writes back what the core
 * decided). Every query is bounded by the inputs at hand (a few per decision, none per input), whatever the size of
 * the queues.
 */
final class RoutingStore {

    /** An unsettled participation: an accepted offer whose participation is not DONE/WITHDRAWN yet. */
    private static final String UNSETTLED = "(o.status = :accepted and o.settledAt is null)";

    private RoutingStore() {
    }

    /**
     * Loads {@code scope}: the offers it names, the pending offers of its agents and the pending offers and
     * unsettled participations of its conversations (and of the conversations of those offers: a withdrawn queue
     * offer goes back to its queue), then every agent involved with their load, the waiting chats, queues and idle
     * codes.
     */
    /**
     * Erasure on request (docs/privacy.md): the customer's name of these conversations' waiting chats and offers
     * reads {@code [erased]}. Idempotent; the caller holds the routing lock.
     */
    static Uni<Void> eraseCustomerNames(Mutiny.Session session, List<String> conversationIds) {
        String erased = ConversationEvent.CustomerDataErased.ERASED;
        return session.flush()
                .chain(() -> session.createNativeQuery("update waiting_chat set customer_name = :erased "
                                + "where conversation_id in (:ids)")
                        .setParameter("erased", erased).setParameter("ids", conversationIds).executeUpdate())
                .chain(() -> session.createNativeQuery("update offer set customer_name = :erased "
                                + "where conversation_id in (:ids)")
                        .setParameter("erased", erased).setParameter("ids", conversationIds).executeUpdate())
                .chain(() -> session.createNativeQuery("delete from outbox_unpublishable where record_key in (:ids)")
                        .setParameter("ids", conversationIds).executeUpdate())
                .replaceWithVoid();
    }

    static Uni<LoadedState> load(Mutiny.Session session, Scope scope, Instant now) {
        LoadedState loaded = new LoadedState(RoutingState.partial(now));
        Set<String> conversations = new HashSet<>(scope.conversations);
        return offers(session, scope)
                .chain(rows -> {
                    addOffers(loaded, rows);
                    Set<String> more = rows.stream().map(row -> row.conversationId)
                            .filter(id -> !conversations.contains(id)).collect(Collectors.toSet());
                    conversations.addAll(more);
                    return more.isEmpty() ? Uni.createFrom().item(List.<OfferRow>of())
                            : offersOfConversations(session, more);
                })
                .chain(rows -> {
                    addOffers(loaded, rows);
                    loaded.state.knowsOffers(scope.offers).knowsConversations(conversations)
                            .knowsPendingOffersOf(scope.agentsWithOffers).knowsActiveChatsOf(scope.activeChatsOf);
                    Set<String> agentIds = new HashSet<>(scope.agentsWithOffers);
                    agentIds.addAll(scope.agents);
                    agentIds.addAll(scope.activeChatsOf);
                    loaded.offers.values().forEach(row -> agentIds.add(row.agentId));
                    return agents(session, loaded, agentIds);
                })
                .chain(() -> {
                    Set<String> waitingIds = new HashSet<>(conversations);
                    waitingIds.addAll(scope.waiting);
                    return waiting(session, loaded, waitingIds);
                })
                .chain(() -> {
                    Set<String> queueIds = new HashSet<>(scope.queues);
                    loaded.offers.values().forEach(row -> queueIds.add(row.queueId));
                    loaded.waiting.values().forEach(row -> queueIds.add(row.queueId));
                    queueIds.remove(null);
                    return queues(session, loaded, queueIds);
                })
                .chain(() -> idleCodes(session, loaded, scope.idleCodes))
                .replaceWith(loaded);
    }

    /**
     * Loads what a dispatch works on: the agents who take chats now with their load, their unsettled participations
     * in waiting chats, and for each queue they serve only as many of its oldest chats as can matter
     * ({@link Dispatch#chatsToLoad}). Null when nobody takes chats.
     */
    static Uni<DispatchLoad> loadDispatch(Mutiny.Session session, Instant now) {
        LoadedState loaded = new LoadedState(RoutingState.partial(now));
        return session.createSelectionQuery("select distinct a from Agent a join fetch a.queueIds where a.state = :available",
                        AgentRow.class)
                .setParameter("available", AgentState.AVAILABLE)
                .getResultList()
                .chain(rows -> withLoad(session, loaded, rows))
                .chain(() -> {
                    var free = Dispatch.freeAgents(loaded.state.agents());
                    if (free.isEmpty()) {
                        return Uni.createFrom().<DispatchLoad>nullItem();
                    }
                    return unsettledInWaitingChats(session, free.stream().map(agent -> agent.agentId()).toList())
                            .chain(unsettled -> oldestChats(session, loaded, Dispatch.chatsToLoad(free, unsettled))
                                    .chain(() -> queues(session, loaded, loaded.waiting.values().stream()
                                            .map(row -> row.queueId).collect(Collectors.toSet())))
                                    .replaceWith(new DispatchLoad(loaded, unsettled)));
                });
    }

    /** A dispatch's state, and the unsettled participations of its agents in waiting chats. */
    record DispatchLoad(LoadedState loaded, List<UnsettledParticipation> unsettled) {
    }

    /** Per agent: {active chats, pending offers}; agents without either are absent. */
    static Uni<Map<String, int[]>> loadOf(Mutiny.Session session, Collection<String> agentIds) {
        if (agentIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return session.createSelectionQuery("select o.agentId, o.status, count(o) from Offer o where o.agentId in :agents"
                        + " and (o.status = :pending or (o.status = :accepted and o.releasedAt is null))"
                        + " group by o.agentId, o.status", Object[].class)
                .setParameter("agents", agentIds)
                .setParameter("pending", OfferStatus.PENDING)
                .setParameter("accepted", OfferStatus.ACCEPTED)
                .getResultList()
                .map(rows -> {
                    Map<String, int[]> load = new HashMap<>();
                    for (Object[] row : rows) {
                        int[] counts = load.computeIfAbsent((String) row[0], id -> new int[2]);
                        counts[row[1] == OfferStatus.ACCEPTED ? 0 : 1] = ((Number) row[2]).intValue();
                    }
                    return load;
                });
    }

    // ---- loading --------------------------------------------------------------------------------------------------

    private static Uni<List<OfferRow>> offers(Mutiny.Session session, Scope scope) {
        List<String> where = new ArrayList<>();
        if (!scope.offers.isEmpty()) {
            where.add("o.id in :offers");
        }
        if (!scope.agentsWithOffers.isEmpty()) {
            where.add("(o.status = :pending and o.agentId in :agentsWithOffers)");
        }
        if (!scope.activeChatsOf.isEmpty()) {
            where.add("(o.agentId in :activeChatsOf and o.status = :accepted and o.releasedAt is null)");
        }
        if (!scope.conversations.isEmpty()) {
            where.add("(o.conversationId in :conversations and (o.status = :pending or " + UNSETTLED + "))");
        }
        if (where.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String hql = "from Offer o where " + String.join(" or ", where);
        var query = session.createSelectionQuery(hql, OfferRow.class);
        if (!scope.offers.isEmpty()) {
            query.setParameter("offers", scope.offers);
        }
        if (!scope.agentsWithOffers.isEmpty()) {
            query.setParameter("agentsWithOffers", scope.agentsWithOffers);
        }
        if (!scope.activeChatsOf.isEmpty()) {
            query.setParameter("activeChatsOf", scope.activeChatsOf);
        }
        if (!scope.conversations.isEmpty()) {
            query.setParameter("conversations", scope.conversations);
        }
        if (hql.contains(":pending")) {
            query.setParameter("pending", OfferStatus.PENDING);
        }
        if (hql.contains(":accepted")) {
            query.setParameter("accepted", OfferStatus.ACCEPTED);
        }
        return query.getResultList();
    }

    private static Uni<List<OfferRow>> offersOfConversations(Mutiny.Session session, Set<String> conversationIds) {
        return session.createSelectionQuery("from Offer o where o.conversationId in :conversations"
                        + " and (o.status = :pending or " + UNSETTLED + ")", OfferRow.class)
                .setParameter("conversations", conversationIds)
                .setParameter("pending", OfferStatus.PENDING)
                .setParameter("accepted", OfferStatus.ACCEPTED)
                .getResultList();
    }

    private static void addOffers(LoadedState loaded, List<OfferRow> rows) {
        rows.forEach(row -> {
            if (loaded.offers.putIfAbsent(row.id, row) == null) {
                loaded.state.add(row.toOffer());
            }
        });
    }

    private static Uni<Void> agents(Mutiny.Session session, LoadedState loaded, Set<String> ids) {
        loaded.state.knowsAgents(ids);
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createSelectionQuery("select distinct a from Agent a left join fetch a.queueIds where a.id in :ids",
                        AgentRow.class)
                .setParameter("ids", ids)
                .getResultList()
                .chain(rows -> withLoad(session, loaded, rows));
    }

    /** Adds the agents with their load (active chats, pending offers), counted in one query. */
    private static Uni<Void> withLoad(Mutiny.Session session, LoadedState loaded, List<AgentRow> rows) {
        List<String> ids = rows.stream().map(row -> row.id).toList();
        loaded.state.knowsAgents(ids);
        return loadOf(session, ids).invoke(load -> rows.forEach(row -> {
            int[] counts = load.getOrDefault(row.id, new int[2]);
            loaded.agents.put(row.id, row);
            loaded.state.add(row.toAgent(counts[0], counts[1]));
        })).replaceWithVoid();
    }

    private static Uni<Void> waiting(Mutiny.Session session, LoadedState loaded, Set<String> conversationIds) {
        loaded.state.knowsWaiting(conversationIds);
        if (conversationIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createSelectionQuery("from WaitingChat w where w.conversationId in :ids", WaitingChatRow.class)
                .setParameter("ids", conversationIds)
                .getResultList()
                .invoke(rows -> rows.forEach(row -> addWaiting(loaded, row)))
                .replaceWithVoid();
    }

    private static void addWaiting(LoadedState loaded, WaitingChatRow row) {
        loaded.waiting.put(row.conversationId, row);
        loaded.state.add(row.toWaitingChat());
    }

    private static Uni<Void> queues(Mutiny.Session session, LoadedState loaded, Set<String> ids) {
        loaded.state.knowsQueues(ids);
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createSelectionQuery("from RoutingQueue q where q.id in :ids", QueueRow.class)
                .setParameter("ids", ids)
                .getResultList()
                .invoke(rows -> rows.forEach(row -> {
                    loaded.queues.put(row.id, row);
                    loaded.state.add(row.toQueue());
                }))
                .replaceWithVoid();
    }

    private static Uni<Void> idleCodes(Mutiny.Session session, LoadedState loaded, Set<String> codes) {
        loaded.state.knowsIdleCodes(codes);
        if (codes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createSelectionQuery("from IdleCode i where i.code in :codes", IdleCodeRow.class)
                .setParameter("codes", codes)
                .getResultList()
                .invoke(rows -> rows.forEach(row -> {
                    loaded.idleCodes.put(row.code, row);
                    loaded.state.add(row.toIdleCode());
                }))
                .replaceWithVoid();
    }

    /** Of the given agents, their unsettled participations in chats waiting in a queue: one query. */
    private static Uni<List<UnsettledParticipation>> unsettledInWaitingChats(Mutiny.Session session,
            Collection<String> agentIds) {
        return session.createSelectionQuery("select o.conversationId, o.agentId, w.queueId from Offer o"
                        + " join WaitingChat w on w.conversationId = o.conversationId"
                        + " where o.agentId in :agents and " + UNSETTLED, Object[].class)
                .setParameter("agents", agentIds)
                .setParameter("accepted", OfferStatus.ACCEPTED)
                .getResultList()
                .map(rows -> rows.stream().map(row -> new UnsettledParticipation((String) row[0], (String) row[1],
                        (String) row[2])).toList());
    }

    private static Uni<Void> oldestChats(Mutiny.Session session, LoadedState loaded, Map<String, Integer> perQueue) {
        return Multi.createFrom().iterable(perQueue.entrySet())
                .onItem().transformToUniAndConcatenate(queue -> session
                        .createSelectionQuery("from WaitingChat w where w.queueId = :queue"
                                + " order by w.waitingSince, w.conversationId", WaitingChatRow.class)
                        .setParameter("queue", queue.getKey())
                        .setMaxResults(queue.getValue())
                        .getResultList())
                .collect().in(ArrayList<WaitingChatRow>::new, List::addAll)
                .invoke(rows -> {
                    rows.forEach(row -> addWaiting(loaded, row));
                    loaded.state.knowsWaiting(rows.stream().map(row -> row.conversationId).toList());
                })
                .replaceWithVoid();
    }
}
