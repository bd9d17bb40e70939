package com.livechat.gateway.messaging;

import com.livechat.gateway.projection.ReferenceStore;
import com.livechat.contracts.events.ReferenceData;
import com.livechat.platform.failure.FailureKind;
import com.livechat.platform.failure.UntilDecided;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the gateway's copy of queues, agent profiles, idle codes, wrap-up reasons and templates. While the database
 * is unavailable a record waits ({@link UntilDecided}); one that can never be stored is logged and skipped.
 */
@ApplicationScoped
public class ReferenceDataConsumer {

    private static final Logger LOG = Logger.getLogger(ReferenceDataConsumer.class);

    private final Pool pool;
    private final ReferenceStore reference;
    private final UntilDecided untilDecided;

    public ReferenceDataConsumer(Pool pool, ReferenceStore reference, UntilDecided untilDecided) {
        this.pool = pool;
        this.reference = reference;
        this.untilDecided = untilDecided;
    }

    @Incoming("reference-data")
    public Uni<Void> consume(ReferenceData data) {
        if (data == null) {
            // A tombstone of the compacted topic or an unreadable record: deletions arrive as deleted = true.
            return Uni.createFrom().voidItem();
        }
        return untilDecided.run("reference data", data.key(),
                        () -> pool.withTransaction(connection -> reference.save(connection, data)))
                .onFailure(FailureKind::isDeterministic).recoverWithItem(error -> {
                    LOG.errorf(error, "Could not store %s; skipped", data.key());
                    return null;
                });
    }
}
