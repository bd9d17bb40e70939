package com.livechat.routing.persistence;

import com.livechat.contracts.events.RoutingEvent;
import com.livechat.routing.domain.RoutingState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.List;

/**
 * Publishes {@code QueuePositionChanged} for every waiting chat whose 1-based position differs from the one last
 * published (including a chat that just entered). Run periodically rather than in every decision, so the shifts that
 * many decisions cause to a long queue cost one event per chat per period, not per decision. A projection, not a
 * decision: one statement ranks every queue in the FIFO order the core offers in ({@code waitingSince}, then
 * conversation id; see {@code ChatMatcher}) and keeps the position it publishes in the chat's row.
 */
@ApplicationScoped
public class QueuePositions {

    private static final String RANKED = "select conversation_id, position, row_number() over"
            + " (partition by queue_id order by waiting_since, conversation_id) as pos from waiting_chat";

    private final RoutingTransactions transactions;

    public QueuePositions(RoutingTransactions transactions) {
        this.transactions = transactions;
    }

    /** Returns how many positions were published. */
    public Uni<Integer> publishChanges() {
        // Looked at without the lock first: most rounds find nothing to publish.
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery("select count(*) from (" + RANKED + ") r where r.position is distinct from r.pos",
                                Long.class)
                        .getSingleResult()))
                .chain(changed -> changed == 0 ? Uni.createFrom().item(0) : transactions.run("QueuePositions", QueuePositions::publish));
    }

    private static Uni<Integer> publish(Decision decision) {
        return decision.session().flush().chain(() -> decision.session()
                        .createNativeQuery("update waiting_chat w set position = r.pos from (" + RANKED + ") r"
                                + " where w.conversation_id = r.conversation_id and w.position is distinct from r.pos"
                                + " returning w.conversation_id, w.queue_id, w.position", Object[].class)
                        .getResultList())
                .map(rows -> {
                    List<Object[]> ordered = rows.stream()
                            .sorted(Comparator.comparing((Object[] row) -> (String) row[1])
                                    .thenComparing(row -> ((Number) row[2]).intValue()))
                            .toList();
                    ordered.forEach(row -> decision.publish(new RoutingEvent.QueuePositionChanged(RoutingState.newId(),
                            decision.now(), (String) row[0], (String) row[1], ((Number) row[2]).intValue())));
                    return ordered.size();
                });
    }
}
