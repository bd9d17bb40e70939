package com.livechat.conversation.persistence;

import com.livechat.conversation.domain.CustomerInactivity;
import com.livechat.platform.failure.FailureKind;
import com.livechat.platform.failure.UntilDecided;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * Applies due customer-inactivity deadlines: finds the CONNECTED conversations whose warning or end is due, then
 * decides each one in its own transaction with the conversation locked ({@link CustomerInactivity#check}, which
 * looks again), so two instances, or a round after a restart, never warn or end twice.
 */
@ApplicationScoped
public class InactivityDecisions {

    /** At most this many conversations per round; the next round takes the rest. */
    static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(InactivityDecisions.class);

    private final Mutiny.SessionFactory sessionFactory;
    private final UntilDecided untilDecided;
    private final ConversationStore store;
    private final CustomerInactivity inactivity;

    public InactivityDecisions(Mutiny.SessionFactory sessionFactory, UntilDecided untilDecided,
            ConversationStore store, CustomerInactivity inactivity) {
        this.sessionFactory = sessionFactory;
        this.untilDecided = untilDecided;
        this.store = store;
        this.inactivity = inactivity;
    }

    /** Decides every deadline due by {@code now}; returns how many conversations were looked at. */
    public Uni<Integer> decideDueBy(Instant now) {
        Instant at = Timestamps.stored(now);
        return sessionFactory.withSession(session -> store.inactivityDue(session, at, BATCH))
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(0)
                        : Multi.createFrom().iterable(ids)
                                .onItem().transformToUniAndConcatenate(id -> decide(id, at))
                                .collect().asList().map(List::size));
    }

    private Uni<Void> decide(String conversationId, Instant now) {
        return untilDecided.run("inactivity check", conversationId, () -> sessionFactory.withTransaction(
                session -> store.lock(session, conversationId, now).chain(loaded -> {
                    if (loaded == null) {
                        return Uni.createFrom().voidItem();
                    }
                    inactivity.check(loaded.timeline());
                    return store.save(session, loaded);
                })))
                // A conversation that can never be decided (a bug) must not hold up the others; it is retried
                // next round.
                .onFailure(FailureKind::isDeterministic).recoverWithUni(failure -> {
                    LOG.warnf("Inactivity check of conversation %s failed: %s", conversationId, failure.toString());
                    return Uni.createFrom().voidItem();
                });
    }
}
