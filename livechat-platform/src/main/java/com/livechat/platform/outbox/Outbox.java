package com.livechat.platform.outbox;

import com.livechat.contracts.events.LivechatRecord;
import com.livechat.contracts.json.EventJson;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.StringJoiner;

/**
 * The transactional outbox: a service records the events of a decision in the same database transaction as the
 * decision itself, and {@link OutboxRelay} publishes them afterwards. Nothing is lost if the service dies between
 * commit and publish, and nothing is published for a decision that rolled back.
 *
 * <p>Each service that uses it owns a table created by its own migration:
 * {@code outbox(id bigserial primary key, topic text, record_key text, payload text, created_at timestamptz,
 * traceparent text)}. The {@code traceparent} is the W3C trace context of the decision that wrote the row
 * ({@link com.livechat.platform.tracing.TraceContexts}), so that the relay's publish, later and elsewhere, continues
 * that trace; it is {@code null} with tracing off.
 */
public final class Outbox {

    private static final int ROWS_PER_INSERT = 100;

    private Outbox() {
    }

    /** Appends {@code record} for {@code topic}, inside the caller's transaction, outside any trace. */
    public static Uni<Void> append(Mutiny.Session session, String topic, LivechatRecord record) {
        return append(session, topic, record, null);
    }

    /**
     * Appends {@code record} for {@code topic}, inside the caller's transaction, as part of the trace that
     * {@code traceparent} names ({@code null}: none).
     */
    public static Uni<Void> append(Mutiny.Session session, String topic, LivechatRecord record, String traceparent) {
        return session.createNativeQuery("insert into outbox (topic, record_key, payload, created_at, traceparent)"
                        + " values (:topic, :key, :payload, now(), :traceparent)")
                .setParameter("topic", topic)
                .setParameter("key", record.key())
                .setParameter("payload", EventJson.write(record))
                .setParameter("traceparent", traceparent)
                .executeUpdate()
                .replaceWithVoid();
    }

    /**
     * One record for {@link #appendAll}, with the topic it goes to and the trace it continues ({@code null}: none).
     */
    public record Entry(String topic, LivechatRecord record, String traceparent) {

        public Entry(String topic, LivechatRecord record) {
            this(topic, record, null);
        }
    }

    /**
     * Appends {@code entries} in their order, inside the caller's transaction, with one multi-row insert per
     * {@value #ROWS_PER_INSERT} entries: for a decision that publishes many records, without a round trip each.
     */
    public static Uni<Void> appendAll(Mutiny.Session session, List<Entry> entries) {
        return Chunks.inOrder(entries, ROWS_PER_INSERT, chunk -> insert(session, chunk))
                .collect().last()
                .replaceWithVoid();
    }

    private static Uni<Integer> insert(Mutiny.Session session, List<Entry> chunk) {
        StringJoiner rows = new StringJoiner(", ",
                "insert into outbox (topic, record_key, payload, created_at, traceparent) values ", "");
        for (int i = 0; i < chunk.size(); i++) {
            rows.add("(:topic" + i + ", :key" + i + ", :payload" + i + ", now(), :traceparent" + i + ")");
        }
        Mutiny.MutationQuery query = session.createNativeQuery(rows.toString());
        for (int i = 0; i < chunk.size(); i++) {
            LivechatRecord record = chunk.get(i).record();
            query.setParameter("topic" + i, chunk.get(i).topic())
                    .setParameter("key" + i, record.key())
                    .setParameter("payload" + i, EventJson.write(record))
                    .setParameter("traceparent" + i, chunk.get(i).traceparent());
        }
        return query.executeUpdate();
    }
}
