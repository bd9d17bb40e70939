package com.livechat.gateway.retention;

import com.livechat.gateway.config.GatewayConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The gateway's scheduled retention purge (docs/privacy.md): the projections of conversations CLOSED whose last event
 * is older than {@code livechat.gateway.retention.transcript-days} (event log, summary, access, offers, supervision
 * entries), and audit rows (supervision, erasures) older than {@code audit-days}. Every instance runs it; the deletes
 * are idempotent. 0 days keeps that kind for ever.
 */
@ApplicationScoped
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);
    /** The projections of one conversation, children first; the summary, which selects them, last. */
    private static final List<String> CONVERSATION_TABLES = List.of("conversation_event", "conversation_access",
            "agent_offer", "supervision_queue_entry", "supervision_cursor");

    private final Pool pool;
    private final Clock clock;
    private final int transcriptDays;
    private final int auditDays;

    public RetentionPurge(Pool pool, Clock clock, GatewayConfig config) {
        this.pool = pool;
        this.clock = clock;
        this.transcriptDays = config.retention().transcriptDays();
        this.auditDays = config.retention().auditDays();
    }

    @Scheduled(every = "${livechat.gateway.retention.purge-interval}", delayed = "1M",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge(clock.instant())
                .invoke(deleted -> {
                    if (deleted > 0) {
                        LOG.infof("Retention: deleted %d expired row(s)", deleted);
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("Retention purge failed, will retry: %s",
                        failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes what is due at {@code now}; returns how many rows. */
    public Uni<Integer> purge(Instant now) {
        Uni<Integer> transcripts = transcriptDays == 0 ? Uni.createFrom().item(0)
                : purgeConversations(cutoff(now, transcriptDays));
        return transcripts.chain(deleted -> auditDays == 0 ? Uni.createFrom().item(deleted)
                : pool.withTransaction(client -> client.preparedQuery("delete from supervision_audit where at < $1")
                        .execute(Tuple.of(cutoff(now, auditDays)))
                        .chain(a -> client.preparedQuery("delete from erasure where requested_at < $1")
                                .execute(Tuple.of(cutoff(now, auditDays)))
                                .map(b -> deleted + a.rowCount() + b.rowCount()))));
    }

    private Uni<Integer> purgeConversations(Object cutoff) {
        return pool.withTransaction(client -> client.preparedQuery("""
                        select conversation_id from conversation_summary
                        where state = 'CLOSED' and last_activity_at < $1 limit 500""")
                .execute(Tuple.of(cutoff))
                .chain(rows -> {
                    String[] ids = new String[rows.size()];
                    int i = 0;
                    for (var row : rows) {
                        ids[i++] = row.getString("conversation_id");
                    }
                    if (ids.length == 0) {
                        return Uni.createFrom().item(0);
                    }
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (String table : CONVERSATION_TABLES) {
                        chain = chain.chain(count -> client.preparedQuery(
                                        "delete from " + table + " where conversation_id = any($1)")
                                .execute(Tuple.of(ids)).map(r -> count + r.rowCount()));
                    }
                    return chain.chain(count -> client.preparedQuery(
                                    "delete from conversation_summary where conversation_id = any($1)")
                            .execute(Tuple.of(ids)).map(r -> count + r.rowCount()));
                }));
    }

    private static Object cutoff(Instant now, int days) {
        return now.minus(Duration.ofDays(days)).atOffset(ZoneOffset.UTC);
    }
}
