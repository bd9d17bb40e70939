package com.livechat.gateway.invitation;

import com.livechat.gateway.projection.Times;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * Deletes expired invitations: {@code POST /api/invitations} is open to anyone and writes a row per call, and an
 * expired invitation is refused like an unknown one, so nothing needs it any more. Every instance runs it; the
 * delete is idempotent.
 */
@ApplicationScoped
public class InvitationCleanup {

    private static final Logger LOG = Logger.getLogger(InvitationCleanup.class);

    private final Pool pool;
    private final Clock clock;

    public InvitationCleanup(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    @Scheduled(every = "${livechat.gateway.invitation-cleanup-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deleteExpired() {
        return deleteExpiredBefore(clock.instant())
                .invoke(deleted -> LOG.debugf("Deleted %d expired invitations", deleted))
                .onFailure().invoke(failure -> LOG.warnf("Deleting expired invitations failed, will retry: %s",
                        failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes the invitations that expired before {@code cutoff}; returns how many. */
    public Uni<Integer> deleteExpiredBefore(Instant cutoff) {
        return pool.preparedQuery("delete from invitation where expires_at < $1")
                .execute(Tuple.of(Times.toDb(cutoff))).map(rows -> rows.rowCount());
    }
}
