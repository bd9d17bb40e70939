package com.livechat.routing.domain;

import com.livechat.routing.config.RoutingConfig;
import com.livechat.platform.outbox.Inbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BiFunction;
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
        return transaction(name, work).invoke(() -> countDecisions(name, 1));
    }

    /**
     * Decides {@code inputs} (commands or events, in the order read) in one transaction: {@code prepare} sees the
     * inputs whose id was not processed before (to load what they need in one go), each of them is applied in turn,
     * then {@code afterwards} runs once (typically: offer what can be offered).
     * Taking a whole poll in one transaction is a group commit: one lock, one commit and one dispatch for many
     * inputs, with the outcome of deciding them one after the other at the same instant.
     */
    public <I> Uni<Void> runInputs(String name, List<I> inputs, Function<I, String> idOf,
            BiFunction<Decision, List<I>, Uni<Void>> prepare, BiFunction<Decision, I, Uni<Void>> apply,
            Function<Decision, Uni<Void>> afterwards) {
        return transaction(name, decision -> Inbox.firstDeliveries(decision.session(),
                        inputs.stream().map(idOf).toList())
                .chain(firstSeen -> {
                    // remove(): an input listed twice in one poll is applied once.
                    List<I> fresh = inputs.stream().filter(input -> firstSeen.remove(idOf.apply(input))).toList();
                    if (fresh.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return prepare.apply(decision, fresh)
                            .chain(() -> Multi.createFrom().iterable(fresh)
                                    .onItem().transformToUniAndConcatenate(input -> apply.apply(decision, input))
                                    .collect().last())
                            .chain(() -> afterwards.apply(decision))
                            .replaceWith(fresh.size());
                }))
                .invoke(decided -> countDecisions(name, decided))
                .replaceWithVoid();
    }

    private <T> Uni<T> transaction(String name, Function<Decision, Uni<T>> work) {
        Timer.Sample sample = Timer.start(registry);
        boolean[] published = new boolean[1];
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> lock(session).chain(() -> {
                    Decision decision = new Decision(session, Instant.now().truncatedTo(ChronoUnit.MICROS));
                    return work.apply(decision)
                            .call(decision::writeOutbox)
                            .invoke(() -> published[0] = decision.publishedAnything());
                })))
                .invoke(() -> {
                    sample.stop(registry.timer("routing.transactions", "kind", name));
                    if (published[0]) {
                        outboxWritten.fire(new OutboxWritten());
                    }
                });
    }

    /** Committed decisions, for the benchmark and for operations (each input decided counts as one). */
    private void countDecisions(String name, int decided) {
        registry.counter("routing.decisions", "kind", name).increment(decided);
    }

    private Uni<Void> lock(Mutiny.Session session) {
        // pg_advisory_xact_lock returns void: counting its single row gives the driver something to read.
        return session.createNativeQuery("select count(*) from pg_advisory_xact_lock(:key)", Long.class)
                .setParameter("key", lockKey)
                .getSingleResult()
                .replaceWithVoid();
    }
}
