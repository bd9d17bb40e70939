package com.livechat.conversation.scheduling;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * A round run every {@code interval}: never two at once (a round still running skips the tick), each on its own safe
 * duplicated context as Hibernate Reactive requires. A failed round is logged as a warning and simply tried again at
 * the next tick: the timers that use it keep their state in the database, never in memory.
 */
final class PeriodicRounds {

    private static final Logger LOG = Logger.getLogger(PeriodicRounds.class);

    private final Vertx vertx;
    private final String what;
    private final Duration interval;
    private final Supplier<Uni<Integer>> round;
    private final IntConsumer afterRound;
    private Long timer;

    /**
     * @param what       what the round does, for the warning ("Inactivity scan")
     * @param round      one round; its result (how many things it decided) goes to {@code afterRound}
     */
    PeriodicRounds(Vertx vertx, String what, Duration interval, Supplier<Uni<Integer>> round, IntConsumer afterRound) {
        this.vertx = vertx;
        this.what = what;
        this.interval = interval;
        this.round = round;
        this.afterRound = afterRound;
    }

    synchronized void start() {
        if (timer != null) {
            return;
        }
        AtomicBoolean running = new AtomicBoolean();
        timer = vertx.setPeriodic(interval.toMillis(), id -> {
            if (!running.compareAndSet(false, true)) {
                return;
            }
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> round.get().subscribe().with(
                    done -> {
                        running.set(false);
                        afterRound.accept(done);
                    },
                    failure -> {
                        LOG.warnf("%s failed, retrying next round: %s", what, failure.toString());
                        running.set(false);
                    }));
        });
    }

    synchronized void stop() {
        if (timer != null) {
            vertx.cancelTimer(timer);
            timer = null;
        }
    }
}
