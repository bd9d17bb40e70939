package com.livechat.routing.persistence;

import com.livechat.contracts.events.BusinessHours;
import com.livechat.contracts.json.EventJson;
import com.livechat.platform.persistence.NativeSelects;
import com.livechat.platform.time.OpeningHours;
import com.livechat.routing.domain.OfferStatus;
import com.livechat.routing.domain.RoutingQueue;
import com.livechat.routing.domain.Timeouts;
import com.livechat.routing.domain.WaitingChat;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deadlines of routing as decisions ({@link Timeouts}): RONA for pending offers past their absolute expiry, and
 * the queues' maximum time in queue; and the opening of queues with business hours, which offers their chats. Each first looks, without the lock, whether anything is due at the instant the
 * caller read; only then does it decide, at its own instant. The queries pick the candidates with the core's rules
 * ({@code Offer.isExpired}, {@code RoutingQueue.maxWaitPassed}) written in SQL, so the indexes do the search; the
 * core decides on what they return.
 */
@ApplicationScoped
public class ScanDecisions {

    private static final String EXPIRED = "from Offer o where o.status = :pending and o.expiresAt <= :now";
    private static final String OVERDUE = " from waiting_chat w join routing_queue q on q.id = w.queue_id"
            + " where q.max_wait_seconds is not null and not w.left_message"
            + " and w.entered_queue_at + make_interval(secs => q.max_wait_seconds) <= :now";

    private final RoutingTransactions transactions;
    /** The queues with business hours and waiting chats that were open at the previous opening round. */
    private final Set<String> openQueues = ConcurrentHashMap.newKeySet();

    public ScanDecisions(RoutingTransactions transactions) {
        this.transactions = transactions;
    }

    /** RONA for every pending offer past its deadline, if any was at {@code now}; returns how many expired. */
    public Uni<Integer> expireOffersDueBy(Instant now) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                        .createSelectionQuery("select count(o) " + EXPIRED, Long.class)
                        .setParameter("pending", OfferStatus.PENDING)
                        .setParameter("now", now)
                        .getSingleResult()))
                .chain(due -> due == 0 ? Uni.createFrom().item(0) : expireOffers());
    }

    /**
     * Takes out of their queue the chats over its maximum time, if any was at {@code now}; returns how many. The SQL
     * finds the chats past their maximum counted from their entry; for a queue with business hours the core's rule
     * ({@code RoutingQueue.maxWaitPassed}: nothing while closed, counted from the opening) then decides which are due.
     */
    public Uni<Integer> timeOutWaitingChatsDueBy(Instant now) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> NativeSelects.bindOne(session
                        .createNativeQuery("select (extract(epoch from w.entered_queue_at) * 1000000)::bigint,"
                                + " q.max_wait_seconds, q.business_hours" + OVERDUE,
                                Object[].class), "now", now)
                        .getResultList()))
                .map(rows -> rows.stream().filter(row -> overdue(row, now)).count())
                .chain(due -> due == 0 ? Uni.createFrom().item(0) : timeOutWaitingChats());
    }

    /**
     * Offers the chats of the queues with business hours that opened since the previous round (or that are open at
     * this instance's first round): nothing else happens at an opening to make routing dispatch. Returns whether it
     * dispatched. A queue counts only while chats wait in it; a repeated dispatch changes nothing.
     */
    public Uni<Boolean> dispatchOpenedQueuesAt(Instant now) {
        // HQL, not native SQL: without a parameter to bind as a list, a native select would miss Hibernate's plan
        // cache every round (NativeSelects).
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                        .createSelectionQuery("select q.id, q.businessHours from RoutingQueue q"
                                + " where q.businessHours is not null"
                                + " and exists (select 1 from WaitingChat w where w.queueId = q.id)", Object[].class)
                        .getResultList()))
                .chain(rows -> {
                    Set<String> open = new HashSet<>();
                    for (Object[] row : rows) {
                        if (OpeningHours.isOpen(EventJson.read((String) row[1], BusinessHours.class), now)) {
                            open.add((String) row[0]);
                        }
                    }
                    boolean opened = !openQueues.containsAll(open);
                    openQueues.clear();
                    openQueues.addAll(open);
                    return !opened ? Uni.createFrom().item(false)
                            : transactions.run("QueueOpened", decision -> transactions.decide(decision, Scope.of(),
                                    state -> true, dispatch -> true));
                });
    }

    private static boolean overdue(Object[] row, Instant now) {
        RoutingQueue queue = new RoutingQueue();
        queue.maxWaitSeconds = ((Number) row[1]).intValue();
        queue.businessHours = row[2] == null ? null : EventJson.read((String) row[2], BusinessHours.class);
        WaitingChat chat = new WaitingChat();
        chat.enteredQueueAt = Instant.EPOCH.plus(((Number) row[0]).longValue(), ChronoUnit.MICROS);
        return queue.maxWaitPassed(chat, now);
    }

    private Uni<Integer> expireOffers() {
        return transactions.run("ExpireOffers", decision -> expired(decision.session(), decision.now())
                .chain(rows -> transactions.decide(decision, Scope.of()
                                .offers(rows.stream().map(row -> (String) row[0]).toList())
                                .agentsWithOffers(rows.stream().map(row -> (String) row[1]).toList()),
                        Timeouts::expireOffers, expired -> true)));
    }

    private Uni<Integer> timeOutWaitingChats() {
        return transactions.run("QueueTimeouts", decision -> NativeSelects.bindOne(decision.session()
                        .createNativeQuery("select w.conversation_id" + OVERDUE, String.class), "now", decision.now())
                .getResultList()
                .chain(ids -> transactions.decide(decision, Scope.of().waiting(ids), Timeouts::timeOutWaitingChats,
                        overdue -> false)));
    }

    /** {offer id, agent id} of the pending offers past their deadline. */
    private static Uni<List<Object[]>> expired(Mutiny.Session session, Instant now) {
        return session.createSelectionQuery("select o.id, o.agentId " + EXPIRED, Object[].class)
                .setParameter("pending", OfferStatus.PENDING)
                .setParameter("now", now)
                .getResultList();
    }
}
