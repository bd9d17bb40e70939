package com.livechat.conversation.scheduling;

import com.livechat.conversation.config.ConversationConfig;
import com.livechat.conversation.persistence.InactivityDecisions;
import com.livechat.conversation.persistence.OutboxWritten;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The customer-inactivity timer, as a periodic scan of the absolute deadlines in the database (as routing's RONA
 * scan): each round reads the clock and decides what is due by then ({@link InactivityDecisions}). No deadline lives
 * in memory, so a restarted or surviving instance keeps every one.
 */
@ApplicationScoped
public class InactivityScans {

    private static final Logger LOG = Logger.getLogger(InactivityScans.class);

    private final InactivityDecisions decisions;
    private final Event<OutboxWritten> outboxWritten;
    private final Clock clock;
    private final Vertx vertx;
    private final Duration interval;
    private Long timer;

    public InactivityScans(InactivityDecisions decisions, Event<OutboxWritten> outboxWritten, Clock clock, Vertx vertx,
            ConversationConfig config) {
        this.decisions = decisions;
        this.outboxWritten = outboxWritten;
        this.clock = clock;
        this.vertx = vertx;
        this.interval = config.inactivity().scanInterval();
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the periodic scan (at startup). */
    public synchronized void start() {
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
            context.runOnContext(ignored -> decisions.decideDueBy(clock.instant()).subscribe().with(
                    decided -> {
                        running.set(false);
                        if (decided > 0) {
                            outboxWritten.fire(new OutboxWritten());
                        }
                    },
                    failure -> {
                        // The next round retries: every deadline is in the database.
                        LOG.warnf("Inactivity scan failed, retrying next round: %s", failure.toString());
                        running.set(false);
                    }));
        });
    }

    /** Stops the scan (at shutdown); the deadlines stay in the database for whoever scans next. */
    public synchronized void stop() {
        if (timer != null) {
            vertx.cancelTimer(timer);
            timer = null;
        }
    }
}
