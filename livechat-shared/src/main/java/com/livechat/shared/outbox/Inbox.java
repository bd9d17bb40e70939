package com.livechat.shared.outbox;

import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Makes a consumer idempotent: records each consumed event id in the caller's transaction, so a redelivered event
 * (Kafka delivers at least once, the outbox may publish twice) is recognised and skipped.
 *
 * <p>Each service that uses it owns a table created by its own migration:
 * {@code processed_event(event_id text primary key, processed_at timestamptz)}.
 */
public final class Inbox {

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
}
