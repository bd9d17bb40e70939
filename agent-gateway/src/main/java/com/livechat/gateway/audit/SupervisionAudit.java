package com.livechat.gateway.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The audit trail of supervision (issue 15): who monitored, barged in on or took over which conversation, when.
 * Written before the act (no row, no transcript and no command), read by administrators.
 */
@ApplicationScoped
public class SupervisionAudit {

    /** What a supervisor did to a conversation. */
    public enum Action {
        /** Opened a conversation they take no part in, read-only. */
        MONITOR,
        /** Joined a live conversation as a participant, shown to the customer as joined. */
        BARGE_IN,
        /** Took a live conversation over: became its agent, the other agents left it. */
        TAKE_OVER
    }

    public record Entry(long id, String supervisorId, String supervisorName, Action action, String conversationId,
            Instant at) {
    }

    private final Pool pool;
    private final Clock clock;

    public SupervisionAudit(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<Void> record(String supervisorId, String supervisorName, Action action, String conversationId) {
        return pool.preparedQuery("""
                        insert into supervision_audit (supervisor_id, supervisor_name, action, conversation_id, at)
                        values ($1, $2, $3, $4, $5)""")
                .execute(Tuple.from(Arrays.asList(supervisorId, supervisorName, action.name(), conversationId,
                        clock.instant().atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    /** The newest entries first, at most {@code limit}; of one conversation when {@code conversationId} is given. */
    public Uni<List<Entry>> list(String conversationId, int limit) {
        return pool.preparedQuery("""
                        select * from supervision_audit where $1::text is null or conversation_id = $1
                        order by at desc, audit_id desc limit $2""")
                .execute(Tuple.of(conversationId, limit))
                .map(rows -> {
                    List<Entry> entries = new ArrayList<>();
                    rows.forEach(row -> entries.add(new Entry(row.getLong("audit_id"), row.getString("supervisor_id"),
                            row.getString("supervisor_name"), Action.valueOf(row.getString("action")),
                            row.getString("conversation_id"), row.getOffsetDateTime("at").toInstant())));
                    return entries;
                });
    }
}
