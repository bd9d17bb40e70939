package com.livechat.routing.persistence;

import com.livechat.platform.outbox.Inbox;
import com.livechat.platform.persistence.NativeSelects;
import com.livechat.routing.config.RoutingConfig;
import com.livechat.routing.domain.AgentStates;
import com.livechat.routing.domain.Dispatch;
import com.livechat.routing.domain.RoutingState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs routing decisions one at a time across every instance of the service: each in its own transaction that
 * first takes the routing advisory lock, so no two decisions ever see or change the same state concurrently. Every
 * decision ends the same way: offer what can now be offered ({@link Dispatch}), publish the agents' new loads,
 * and write every event to the outbox of the same transaction.
 */
@ApplicationScoped
public class RoutingTransactions {

    private final long lockKey;
    private final MeterRegistry registry;
    private final Event<OutboxWritten> outboxWritten;
    private final Clock clock;

    public RoutingTransactions(RoutingConfig config, MeterRegistry registry, Event<OutboxWritten> outboxWritten,
            Clock clock) {
        this.lockKey = config.lockKey();
        this.registry = registry;
        this.outboxWritten = outboxWritten;
        this.clock = clock;
    }

    /**
     * The steps of a decision: loads {@code scope}, lets the core {@code decide} on it and writes the result back;
     * then, when {@code dispatchAfter} holds for the result, offers what can now be offered; finally publishes, once
     * per agent, the load changes the core noted.
     */
    <T> Uni<T> decide(Decision decision, Scope scope, Function<RoutingState, T> decide, Predicate<T> dispatchAfter) {
        return decision.load(scope).chain(loaded -> {
            T result = decide.apply(loaded.state);
            return decision.save(loaded)
                    .chain(() -> dispatchAfter.test(result) ? dispatch(decision) : Uni.createFrom().voidItem())
                    .invoke(() -> {
                        AgentStates.publishLoadChanges(loaded.state);
                        decision.take(loaded.state);
                    })
                    .replaceWith(result);
        });
    }

    /** Offers the waiting chats that free agents can take ({@link Dispatch}), from what it loads afresh. */
    private static Uni<Void> dispatch(Decision decision) {
        return RoutingStore.loadDispatch(decision.session(), decision.now()).chain(load -> {
            if (load == null) {
                return Uni.createFrom().voidItem();
            }
            Dispatch.offer(load.loaded().state, load.unsettled());
            return decision.save(load.loaded());
        });
    }

    /** Runs {@code work} as one decision, counted as one. */
    <T> Uni<T> run(String name, Function<Decision, Uni<T>> work) {
        return transaction(name, work).invoke(() -> countDecisions(name, 1));
    }

    /**
     * Decides {@code inputs} (commands or events, in the order read) in one transaction: {@code decide} gets the
     * inputs whose id was not processed before (once each, even if listed twice).
     * Taking a whole poll in one transaction is a group commit: one lock, one commit and one dispatch for many
     * inputs, with the outcome of deciding them one after the other at the same instant.
     */
    <I> Uni<Void> runInputs(String name, List<I> inputs, Function<I, String> idOf,
            BiFunction<Decision, List<I>, Uni<Void>> decide) {
        return transaction(name, decision -> Inbox.firstDeliveries(decision.session(),
                        inputs.stream().map(idOf).toList())
                .chain(firstSeen -> {
                    // remove(): an input listed twice in one poll is applied once.
                    List<I> fresh = inputs.stream().filter(input -> firstSeen.remove(idOf.apply(input))).toList();
                    return fresh.isEmpty() ? Uni.createFrom().item(0)
                            : decide.apply(decision, fresh).replaceWith(fresh.size());
                }))
                .invoke(decided -> countDecisions(name, decided))
                .replaceWithVoid();
    }

    private <T> Uni<T> transaction(String name, Function<Decision, Uni<T>> work) {
        Timer.Sample sample = Timer.start(registry);
        boolean[] published = new boolean[1];
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> lock(session).chain(() -> {
                    // Read after the lock: decisions that follow each other have ordered instants. PostgreSQL keeps
                    // microseconds, so an instant reads back from the database as it was decided.
                    Decision decision = new Decision(session, clock.instant().truncatedTo(ChronoUnit.MICROS));
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
        return NativeSelects.bindOne(session.createNativeQuery(
                        "select count(*) from pg_advisory_xact_lock(:key)", Long.class), "key", lockKey)
                .getSingleResult()
                .replaceWithVoid();
    }
}
