package com.livechat.routing.persistence;

import com.livechat.platform.persistence.NativeSelects;
import com.livechat.routing.domain.RoutingQueue;
import com.livechat.routing.domain.WaitingChat;
import com.livechat.routing.domain.WaitingNotice;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Issues the waiting notice ({@link WaitingNotice}) to chats that have waited their queue's waiting-notice time with
 * no agent. The query picks the candidates with the core's rule written in SQL (so nothing is loaded while nobody is
 * due); the core decides on what it returns. A {@code waiting_notice} row per told chat keeps the notice to once per
 * wait; it is dropped once the chat is neither waiting nor offered. Like every routing timer, the deadline is in the
 * database: a restarted service issues a notice that fell due while it was down, once.
 */
@ApplicationScoped
public class WaitingNotices {

    private static final String SECONDS = "coalesce(q.waiting_notice_seconds, " + WaitingNotice.DEFAULT_SECONDS + ")";
    private static final String DUE = " from waiting_chat w join routing_queue q on q.id = w.queue_id"
            + " where " + SECONDS + " > 0"
            + " and w.entered_queue_at + make_interval(secs => " + SECONDS + ") <= :now"
            + " and not exists (select 1 from waiting_notice n where n.conversation_id = w.conversation_id)";
    private static final String STALE = " from waiting_notice n"
            + " where not exists (select 1 from waiting_chat w where w.conversation_id = n.conversation_id)"
            + " and not exists (select 1 from offer o where o.conversation_id = n.conversation_id and o.status = 'PENDING')";

    private final RoutingTransactions transactions;

    public WaitingNotices(RoutingTransactions transactions) {
        this.transactions = transactions;
    }

    /** Issues the notices due at {@code now} and forgets the finished waits, if any; returns how many were issued. */
    public Uni<Integer> issueDueBy(Instant now) {
        // Looked at without the lock first: most rounds find nothing to do.
        return Panache.withSession(() -> Panache.getSession().chain(session -> NativeSelects.bindOne(session
                        .createNativeQuery("select (select count(*)" + DUE + ") + (select count(*)" + STALE + ")",
                                Long.class), "now", now)
                        .getSingleResult()))
                .chain(work -> work == 0 ? Uni.createFrom().item(0) : transactions.run("WaitingNotices", WaitingNotices::issue));
    }

    private static Uni<Integer> issue(Decision decision) {
        return decision.session().flush()
                .chain(() -> decision.session().createNativeQuery("delete" + STALE).executeUpdate())
                .chain(() -> NativeSelects.bindOne(decision.session().createNativeQuery("select w.conversation_id,"
                                + " w.queue_id, w.entered_queue_at, q.waiting_notice_seconds, q.waiting_notice_text" + DUE
                                + " order by w.waiting_since, w.conversation_id", Object[].class), "now", decision.now())
                        .getResultList())
                .chain(rows -> {
                    List<String> told = new ArrayList<>();
                    for (Object[] row : rows) {
                        RoutingQueue queue = new RoutingQueue();
                        queue.id = (String) row[1];
                        queue.waitingNoticeSeconds = row[3] == null ? null : ((Number) row[3]).intValue();
                        queue.waitingNoticeText = (String) row[4];
                        WaitingChat chat = new WaitingChat();
                        chat.conversationId = (String) row[0];
                        chat.queueId = queue.id;
                        chat.enteredQueueAt = instant(row[2]);
                        if (WaitingNotice.due(queue, chat, decision.now(), false)) {
                            decision.publish(WaitingNotice.issue(queue, chat, decision.now()));
                            told.add(chat.conversationId);
                        }
                    }
                    if (told.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return decision.session().createNativeQuery("insert into waiting_notice (conversation_id, queue_id,"
                                    + " noticed_at) select w.conversation_id, w.queue_id, :now from waiting_chat w"
                                    + " where w.conversation_id in (:told) on conflict (conversation_id) do nothing")
                            .setParameter("now", decision.now())
                            .setParameter("told", told)
                            .executeUpdate()
                            .replaceWith(told.size());
                });
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp " + value);
    }
}
