package com.livechat.conversation.scheduling;

import com.livechat.conversation.config.ConversationConfig;
import com.livechat.conversation.persistence.InactivityDecisions;
import com.livechat.conversation.persistence.OutboxWritten;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import java.time.Clock;

/**
 * The customer-inactivity timer, as a periodic scan of the absolute deadlines in the database (as routing's RONA
 * scan): each round reads the clock and decides what is due by then ({@link InactivityDecisions}). No deadline lives
 * in memory, so a restarted or surviving instance keeps every one.
 */
@ApplicationScoped
public class InactivityScans {

    private final PeriodicRounds rounds;

    public InactivityScans(InactivityDecisions decisions, Event<OutboxWritten> outboxWritten, Clock clock, Vertx vertx,
            ConversationConfig config) {
        // A failed round changes nothing: every deadline is in the database, the next round retries.
        this.rounds = new PeriodicRounds(vertx, "Inactivity scan", config.inactivity().scanInterval(),
                () -> decisions.decideDueBy(clock.instant()), decided -> {
                    if (decided > 0) {
                        outboxWritten.fire(new OutboxWritten());
                    }
                });
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the periodic scan (at startup). */
    public void start() {
        rounds.start();
    }

    /** Stops the scan (at shutdown); the deadlines stay in the database for whoever scans next. */
    public void stop() {
        rounds.stop();
    }
}
