package com.livechat.routing.persistence;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.platform.persistence.NativeSelects;
import com.livechat.routing.domain.RoutingState;
import com.livechat.routing.domain.WaitEstimate;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes {@code QueuePositionChanged} for every waiting chat whose 1-based position differs from the one last
 * published (including a chat that just entered); beyond position {@value #EXACT_UP_TO}, once it moved by a tenth
 * ({@link #WORTH_PUBLISHING}). Run periodically rather than in every decision, so the shifts that
 * many decisions cause to a long queue cost one event per chat per period, not per decision. A projection, not a
 * decision: one statement ranks every queue in the FIFO order the core offers in ({@code waitingSince}, then
 * conversation id; see {@code ChatMatcher}) and keeps the position it publishes in the chat's row. Each position
 * carries the estimated wait at it, from the queue's recent history (one more statement, see {@link WaitEstimate}).
 */
@ApplicationScoped
public class QueuePositions {

    private static final String RANKED = "select conversation_id, position, row_number() over"
            + " (partition by queue_id order by waiting_since, conversation_id) as pos from waiting_chat";

    /** Positions up to this one are published at every change. */
    static final int EXACT_UP_TO = 50;
    /** Beyond {@link #EXACT_UP_TO}, a position is published once it moved by this share of the one last published. */
    static final int MOVED_BY_ONE_IN = 10;

    /**
     * Which ranked chats ({@code r}) get a new position. A long queue shifts as a whole with every offer from its
     * head: with 1,000 waiting and five slots freed a second that was 2,000 events a second, written under the
     * routing lock that the offers themselves wait for, then projected and pushed by the gateway. So far back, a
     * position moves on a customer's screen when it changed by a tenth (10 % at most out of date, e.g. 190 shown
     * for 175); near the head, where it matters, at every change.
     */
    private static final String WORTH_PUBLISHING = " r.position is distinct from r.pos and (r.position is null"
            + " or r.pos <= :exactUpTo or abs(r.position - r.pos) * " + MOVED_BY_ONE_IN + " >= r.position)";

    /**
     * Per queue with a waiting chat: its recent handle times and answered waits (whole seconds, comma-separated,
     * newest first, {@link WaitEstimate#SAMPLE_SIZE} at most) and the summed capacity of its AVAILABLE agents; what
     * {@link WaitEstimate} needs.
     */
    private static final String HISTORY = "select q.id,"
            + " (select string_agg(t.s::text, ',') from (select floor(extract(epoch from o.released_at - o.closed_at))::bigint s"
            + "   from offer o where o.queue_id = q.id and o.kind = 'QUEUE' and o.status = 'ACCEPTED'"
            + "   and o.released_at is not null order by o.released_at desc limit " + WaitEstimate.SAMPLE_SIZE + ") t),"
            + " (select string_agg(t.s::text, ',') from (select floor(extract(epoch from o.closed_at - o.entered_queue_at))::bigint s"
            + "   from offer o where o.queue_id = q.id and o.kind = 'QUEUE' and o.status = 'ACCEPTED'"
            + "   and o.entered_queue_at is not null order by o.closed_at desc limit " + WaitEstimate.SAMPLE_SIZE + ") t),"
            + " (select coalesce(sum(a.capacity), 0) from agent a join agent_queue aq on aq.agent_id = a.id"
            + "   where aq.queue_id = q.id and a.state = :available)"
            + " from routing_queue q where q.id in (select distinct queue_id from waiting_chat)";

    private final RoutingTransactions transactions;

    public QueuePositions(RoutingTransactions transactions) {
        this.transactions = transactions;
    }

    /** Returns how many positions were published. */
    public Uni<Integer> publishChanges() {
        // Looked at without the lock first: most rounds find nothing to publish.
        return Panache.withSession(() -> Panache.getSession().chain(session -> worthPublishing(session
                        .createNativeQuery("select count(*) from (" + RANKED + ") r where" + WORTH_PUBLISHING,
                                Long.class))
                        .getSingleResult()))
                .chain(changed -> changed == 0 ? Uni.createFrom().item(0) : transactions.run("QueuePositions", QueuePositions::publish));
    }

    private static Uni<Integer> publish(Decision decision) {
        return decision.session().flush().chain(() -> worthPublishing(decision.session()
                        .createNativeQuery("update waiting_chat w set position = r.pos from (" + RANKED + ") r"
                                + " where w.conversation_id = r.conversation_id and" + WORTH_PUBLISHING
                                + " returning w.conversation_id, w.queue_id, w.position", Object[].class))
                        .getResultList())
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(0) : NativeSelects.bindOne(decision.session()
                                .createNativeQuery(HISTORY, Object[].class), "available", AgentState.AVAILABLE.name())
                        .getResultList()
                        .map(history -> {
                            Map<String, Object[]> byQueue = new HashMap<>();
                            history.forEach(row -> byQueue.put((String) row[0], row));
                            List<Object[]> ordered = rows.stream()
                                    .sorted(Comparator.comparing((Object[] row) -> (String) row[1])
                                            .thenComparing(row -> ((Number) row[2]).intValue()))
                                    .toList();
                            ordered.forEach(row -> {
                                String queueId = (String) row[1];
                                int position = ((Number) row[2]).intValue();
                                decision.publish(new RoutingEvent.QueuePositionChanged(RoutingState.newId(),
                                        decision.now(), (String) row[0], queueId, position,
                                        estimate(position, byQueue.get(queueId))));
                            });
                            return ordered.size();
                        }));
    }

    /** Binds {@link #WORTH_PUBLISHING}'s parameter (as a list: {@link NativeSelects}). */
    private static <R> Mutiny.SelectionQuery<R> worthPublishing(Mutiny.SelectionQuery<R> query) {
        return NativeSelects.bindOne(query, "exactUpTo", EXACT_UP_TO);
    }

    /** The estimated wait at {@code position} from the queue's {@link #HISTORY} row (none for an unknown queue). */
    private static Integer estimate(int position, Object[] history) {
        if (history == null) {
            return null;
        }
        return WaitEstimate.seconds(position, samples(history[1]), samples(history[2]),
                history[3] == null ? 0 : ((Number) history[3]).intValue());
    }

    private static List<Long> samples(Object joined) {
        if (joined == null || joined.toString().isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.toString().split(",")).map(Long::valueOf).toList();
    }
}
