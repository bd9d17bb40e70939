package com.livechat.platform.outbox;

import com.livechat.platform.persistence.NativeSelects;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Makes a consumer idempotent: records each consumed event id in the caller's transaction, so a redelivered event
 * (Kafka delivers at least once, the outbox may publish twice) is recognised and skipped.
 *
 * <p>Each service that uses it owns a table created by its own migration:
 * {@code processed_event(event_id text primary key, processed_at timestamptz)}.
 */
public final class Inbox {

    private static final int IDS_PER_INSERT = 200;

    private Inbox() {
    }

    /** True the first time {@code eventId} is seen; false for a duplicate, which the caller must then ignore. */
    public static Uni<Boolean> firstDelivery(Mutiny.Session session, String eventId) {
        return session.createNativeQuery(
                        "insert into processed_event (event_id, processed_at) values (:id, now()) on conflict do nothing")
                .setParameter("id", eventId)
                .executeUpdate()
                .map(inserted -> inserted == 1);
    }

    /**
     * The ids among {@code eventIds} seen for the first time, recorded in the caller's transaction with one statement
     * per {@value #IDS_PER_INSERT} ids: for a consumer that takes a whole poll at once. An id listed twice is
     * returned once; the caller applies its first occurrence only.
     */
    public static Uni<Set<String>> firstDeliveries(Mutiny.Session session, List<String> eventIds) {
        return Chunks.inOrder(eventIds, IDS_PER_INSERT, chunk -> insert(session, chunk))
                .collect().in(HashSet::new, Set::addAll);
    }

    private static Uni<List<String>> insert(Mutiny.Session session, List<String> ids) {
        StringJoiner rows = new StringJoiner(", ", "insert into processed_event (event_id, processed_at) values ",
                " on conflict do nothing returning event_id");
        for (int i = 0; i < ids.size(); i++) {
            rows.add("(:id" + i + ", now())");
        }
        Mutiny.SelectionQuery<String> query = session.createNativeQuery(rows.toString(), String.class);
        // The first id as a list keeps this select out of Hibernate's plan cache (NativeSelects).
        NativeSelects.bindOne(query, "id0", ids.get(0));
        for (int i = 1; i < ids.size(); i++) {
            query.setParameter("id" + i, ids.get(i));
        }
        return query.getResultList();
    }
}
