package com.livechat.gateway.messaging;

import com.livechat.gateway.domain.ReferenceStore;
import com.livechat.shared.events.ReferenceData;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/** Keeps the gateway's copy of queues, agent profiles, idle codes, wrap-up reasons and templates. */
@ApplicationScoped
public class ReferenceDataConsumer {

    private static final Logger LOG = Logger.getLogger(ReferenceDataConsumer.class);

    private final Pool pool;
    private final ReferenceStore reference;

    public ReferenceDataConsumer(Pool pool, ReferenceStore reference) {
        this.pool = pool;
        this.reference = reference;
    }

    @Incoming("reference-data")
    public Uni<Void> consume(ReferenceData data) {
        if (data == null) {
            // A tombstone of the compacted topic or an unreadable record: deletions arrive as deleted = true.
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(connection -> reference.save(connection, data))
                .onFailure().retry().withBackOff(Duration.ofMillis(200)).atMost(3)
                .onFailure().invoke(error -> LOG.errorf(error, "Could not store %s", data.key()))
                .onFailure().recoverWithNull();
    }
}
