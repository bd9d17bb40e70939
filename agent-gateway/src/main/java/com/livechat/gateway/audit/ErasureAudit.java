package com.livechat.gateway.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The audit of erasures on request (issue 17, docs/privacy.md): who asked to erase which conversation's customer
 * data and when, written before the command leaves; completed once the gateway projected {@code CustomerDataErased}.
 * It holds no customer data, only ids and the administrator's user name.
 */
@ApplicationScoped
public class ErasureAudit {

    public record Entry(String erasureId, String conversationId, String requestedBy, Instant requestedAt,
            Instant completedAt) {

        @com.fasterxml.jackson.annotation.JsonProperty("status")
        public String status() {
            return completedAt == null ? "REQUESTED" : "COMPLETED";
        }
    }

    private final Pool pool;
    private final Clock clock;

    public ErasureAudit(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Records a new request; returns it, with its erasure id. */
    public Uni<Entry> record(String conversationId, String requestedBy) {
        Entry entry = new Entry(UUID.randomUUID().toString(), conversationId, requestedBy, clock.instant(), null);
        return pool.preparedQuery("""
                        insert into erasure (erasure_id, conversation_id, requested_by, requested_at)
                        values ($1, $2, $3, $4)""")
                .execute(Tuple.of(entry.erasureId(), conversationId, requestedBy,
                        entry.requestedAt().atOffset(ZoneOffset.UTC)))
                .replaceWith(entry);
    }

    /** The erasure was carried out (idempotent: the first completion stays). */
    public Uni<Void> completed(SqlClient client, String erasureId, Instant at) {
        return client.preparedQuery("update erasure set completed_at = $2 where erasure_id = $1 and completed_at is null")
                .execute(Tuple.of(erasureId, at.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    public Uni<Entry> find(String erasureId) {
        return pool.preparedQuery("select * from erasure where erasure_id = $1").execute(Tuple.of(erasureId))
                .map(rows -> {
                    List<Entry> entries = entries(rows);
                    return entries.isEmpty() ? null : entries.get(0);
                });
    }

    /** The newest requests first, at most {@code limit}; of one conversation when {@code conversationId} is given. */
    public Uni<List<Entry>> list(String conversationId, int limit) {
        return pool.preparedQuery("""
                        select * from erasure where $1::text is null or conversation_id = $1
                        order by requested_at desc, erasure_id limit $2""")
                .execute(Tuple.of(conversationId, limit))
                .map(ErasureAudit::entries);
    }

    private static List<Entry> entries(io.vertx.mutiny.sqlclient.RowSet<io.vertx.mutiny.sqlclient.Row> rows) {
        List<Entry> entries = new ArrayList<>();
        rows.forEach(row -> {
            OffsetDateTime completed = row.getOffsetDateTime("completed_at");
            entries.add(new Entry(row.getString("erasure_id"), row.getString("conversation_id"),
                    row.getString("requested_by"), row.getOffsetDateTime("requested_at").toInstant(),
                    completed == null ? null : completed.toInstant()));
        });
        return entries;
    }
}
