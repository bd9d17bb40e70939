package com.livechat.platform.outbox;

import com.livechat.contracts.events.Topics;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps the {@link Inbox} table from growing without end: an event id only needs remembering while the record can
 * still be delivered again, that is while it is on its topic. Rows older than {@code keep} (the topics' retention
 * plus a margin) are deleted periodically.
 */
public class InboxPruner {

    /** The events' retention on their topics, plus a day: older ids cannot come back. */
    public static final Duration DEFAULT_KEEP = Topics.EVENT_RETENTION.plusDays(1);
    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

    private static final Logger LOG = Logger.getLogger(InboxPruner.class);

    private final Pool pool;
    private final Duration keep;
    private Vertx vertx;
    private long timerId;

    public InboxPruner(Pool pool, Duration keep) {
        this.pool = pool;
        this.keep = keep;
    }

    public void start(Vertx vertx, Duration interval) {
        this.vertx = vertx;
        timerId = vertx.setPeriodic(interval.toMillis(), id -> prune());
    }

    public void stop() {
        if (vertx != null) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Deletes the ids recorded before {@code now - keep}; returns how many. */
    public Uni<Integer> pruneNow() {
        return pool.preparedQuery("delete from processed_event where processed_at < $1")
                .execute(Tuple.of(OffsetDateTime.now(ZoneOffset.UTC).minus(keep)))
                .map(rows -> rows.rowCount());
    }

    private void prune() {
        pruneNow().subscribe().with(
                deleted -> LOG.debugf("Pruned %d processed event ids older than %s", deleted, keep),
                failure -> LOG.warnf("Pruning processed event ids failed, will retry: %s", failure.getMessage()));
    }
}
