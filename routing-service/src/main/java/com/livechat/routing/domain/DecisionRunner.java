package com.livechat.routing.domain;

import com.livechat.routing.config.RoutingConfig;
import com.livechat.shared.outbox.Inbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/**
 * Runs routing decisions one at a time across every instance of the service: each in its own transaction that
 * first takes the routing advisory lock, so no two decisions ever see or change the same state concurrently.
 */
@ApplicationScoped
public class DecisionRunner {

    private final long lockKey;
    private final MeterRegistry registry;
    private final Event<OutboxWritten> outboxWritten;

    public DecisionRunner(RoutingConfig config, MeterRegistry registry, Event<OutboxWritten> outboxWritten) {
        this.lockKey = config.lockKey();
        this.registry = registry;
        this.outboxWritten = outboxWritten;
    }

    /** Fired after a decision that published events committed, so the outbox relay can publish at once. */
    public record OutboxWritten() {
    }

    /** Runs {@code work} as one decision. */
    public <T> Uni<T> run(String name, Function<Decision, Uni<T>> work) {
        return run(name, null, work);
    }

    /**
     * Runs {@code work} as one decision unless {@code inputId} (a command or event id) was already processed, in
     * which case nothing happens and the result is null.
     */
    public <T> Uni<T> runOnce(String name, String inputId, Function<Decision, Uni<T>> work) {
        return run(name, inputId, work);
    }

    private <T> Uni<T> run(String name, String inputId, Function<Decision, Uni<T>> work) {
        Timer.Sample sample = Timer.start(registry);
        boolean[] published = new boolean[1];
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> lock(session)
                        .chain(() -> inputId == null ? Uni.createFrom().item(true) : Inbox.firstDelivery(session, inputId))
                        .chain(first -> {
                            if (!first) {
                                return Uni.createFrom().<T>nullItem();
                            }
                            Decision decision = new Decision(session, Instant.now().truncatedTo(ChronoUnit.MICROS));
                            return work.apply(decision)
                                    .call(decision::writeOutbox)
                                    .invoke(() -> published[0] = decision.publishedAnything());
                        })))
                .invoke(() -> {
                    sample.stop(registry.timer("routing.decisions", "decision", name));
                    if (published[0]) {
                        outboxWritten.fire(new OutboxWritten());
                    }
                });
    }

    private Uni<Void> lock(Mutiny.Session session) {
        // pg_advisory_xact_lock returns void: counting its single row gives the driver something to read.
        return session.createNativeQuery("select count(*) from pg_advisory_xact_lock(:key)", Long.class)
                .setParameter("key", lockKey)
                .getSingleResult()
                .replaceWithVoid();
    }
}
