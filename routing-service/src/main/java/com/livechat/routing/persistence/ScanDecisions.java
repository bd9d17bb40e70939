package com.livechat.routing.persistence;

import com.livechat.routing.domain.OfferStatus;
import com.livechat.routing.domain.Timeouts;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.List;

/**
 * The deadlines of routing as decisions ({@link Timeouts}): RONA for pending offers past their absolute expiry, and
 * the queues' maximum time in queue. Each first looks, without the lock, whether anything is due at the instant the
 * caller read; only then does it decide, at its own instant. The queries pick the candidates with the core's rules
 * ({@code Offer.isExpired}, {@code RoutingQueue.maxWaitPassed}) written in SQL, so the indexes do the search; the
 * core decides on what they return.
 */
@ApplicationScoped
public class ScanDecisions {

    private static final String EXPIRED = "from Offer o where o.status = :pending and o.expiresAt <= :now";
    private static final String OVERDUE = " from waiting_chat w join routing_queue q on q.id = w.queue_id"
            + " where q.max_wait_seconds is not null"
            + " and w.entered_queue_at + make_interval(secs => q.max_wait_seconds) <= :now";

    private final RoutingTransactions transactions;

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

    /** Takes out of their queue the chats over its maximum time, if any was at {@code now}; returns how many. */
    public Uni<Integer> timeOutWaitingChatsDueBy(Instant now) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery("select count(*)" + OVERDUE, Long.class)
                        .setParameter("now", now)
                        .getSingleResult()))
                .chain(due -> due == 0 ? Uni.createFrom().item(0) : timeOutWaitingChats());
    }

    private Uni<Integer> expireOffers() {
        return transactions.run("ExpireOffers", decision -> expired(decision.session(), decision.now())
                .chain(rows -> transactions.decide(decision, Scope.of()
                                .offers(rows.stream().map(row -> (String) row[0]).toList())
                                .agentsWithOffers(rows.stream().map(row -> (String) row[1]).toList()),
                        Timeouts::expireOffers, expired -> true)));
    }

    private Uni<Integer> timeOutWaitingChats() {
        return transactions.run("QueueTimeouts", decision -> decision.session()
                .createNativeQuery("select w.conversation_id" + OVERDUE, String.class)
                .setParameter("now", decision.now())
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
