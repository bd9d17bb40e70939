package com.livechat.routing.persistence;

import com.livechat.contracts.events.LivechatRecord;
import com.livechat.contracts.events.ReferenceData;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.Topics;
import com.livechat.platform.outbox.Outbox;
import com.livechat.routing.domain.RoutingState;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One routing decision in progress: its session (inside the locked transaction), its instant, and the events its
 * steps published, in order. {@link #now()} is read after the lock, so decisions that follow each other have ordered
 * instants.
 */
final class Decision {

    private final Mutiny.Session session;
    private final Instant now;
    private final List<Outbox.Entry> outgoing = new ArrayList<>();

    Decision(Mutiny.Session session, Instant now) {
        this.session = session;
        this.now = now;
    }

    Mutiny.Session session() {
        return session;
    }

    Instant now() {
        return now;
    }

    /** Loads {@code scope} for the core. */
    Uni<LoadedState> load(Scope scope) {
        return RoutingStore.load(session, scope, now);
    }

    /** Writes back what the core decided on {@code loaded}, and takes the events it published. */
    Uni<Void> save(LoadedState loaded) {
        take(loaded.state);
        return loaded.save(session);
    }

    /** Publishes an event decided here rather than by the core (queue positions, a projection). */
    void publish(RoutingEvent event) {
        outgoing.add(new Outbox.Entry(Topics.ROUTING_EVENTS, event));
    }

    /** Takes the events {@code state} published since last asked, in order, for the outbox. */
    void take(RoutingState state) {
        for (LivechatRecord record : state.takePublished()) {
            outgoing.add(new Outbox.Entry(record instanceof ReferenceData ? Topics.REFERENCE_DATA
                    : Topics.ROUTING_EVENTS, record));
        }
    }

    /** Writes the events, in the order they were decided, to the outbox of this transaction. */
    Uni<Void> writeOutbox() {
        return Outbox.appendAll(session, outgoing);
    }

    boolean publishedAnything() {
        return !outgoing.isEmpty();
    }
}
