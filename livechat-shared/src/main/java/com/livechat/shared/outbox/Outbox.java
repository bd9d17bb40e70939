package com.livechat.shared.outbox;

import com.livechat.shared.events.LivechatRecord;
import com.livechat.shared.events.serde.EventJson;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The transactional outbox: a service records the events of a decision in the same database transaction as the
 * decision itself, and {@link OutboxRelay} publishes them afterwards. Nothing is lost if the service dies between
 * commit and publish, and nothing is published for a decision that rolled back.
 *
 * <p>Each service that uses it owns a table created by its own migration:
 * {@code outbox(id bigserial primary key, topic text, record_key text, payload text, created_at timestamptz)}.
 */
public final class Outbox {

    private Outbox() {
    }

    /** Appends {@code record} for {@code topic}, inside the caller's transaction. */
    public static Uni<Void> append(Mutiny.Session session, String topic, LivechatRecord record) {
        return session.createNativeQuery(
                        "insert into outbox (topic, record_key, payload, created_at) values (:topic, :key, :payload, now())")
                .setParameter("topic", topic)
                .setParameter("key", record.key())
                .setParameter("payload", EventJson.write(record))
                .executeUpdate()
                .replaceWithVoid();
    }
}
