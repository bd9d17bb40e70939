package com.livechat.routing.scheduling;

import com.livechat.routing.config.RoutingConfig;
import com.livechat.routing.persistence.QueuePositions;
import com.livechat.routing.persistence.ScanDecisions;
import com.livechat.routing.persistence.WaitingNotices;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The timers of routing, as periodic scans of the database: RONA (pending offers past their absolute expiry), the
 * queues' maximum time in queue, the waiting notice, the opening of queues with business hours (their waiting chats
 * are offered then), and queue positions. No deadline lives in memory, so a restarted or surviving
 * instance keeps every deadline. Each round reads the clock and asks whether anything is due by then (without the
 * lock); only then is there a decision ({@link ScanDecisions}).
 */
@ApplicationScoped
public class RoutingScans {

    private static final Logger LOG = Logger.getLogger(RoutingScans.class);

    private final ScanDecisions scans;
    private final QueuePositions positions;
    private final WaitingNotices notices;
    private final Clock clock;
    private final Vertx vertx;
    private final Duration scanInterval;
    private final Duration positionInterval;
    private final List<Long> timers = new ArrayList<>();

    public RoutingScans(ScanDecisions scans, QueuePositions positions, WaitingNotices notices, Clock clock,
            Vertx vertx, RoutingConfig config) {
        this.scans = scans;
        this.positions = positions;
        this.notices = notices;
        this.clock = clock;
        this.vertx = vertx;
        this.scanInterval = config.scanInterval();
        this.positionInterval = config.positionInterval();
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the periodic scans (at startup). */
    public synchronized void start() {
        if (timers.isEmpty()) {
            timers.add(every(scanInterval, "RONA scan", this::expireOffers));
            timers.add(every(scanInterval, "Queue timeout scan", this::timeOutWaitingChats));
            timers.add(every(scanInterval, "Queue opening scan", this::dispatchOpenedQueues));
            timers.add(every(positionInterval, "Queue position scan", this::publishQueuePositions));
            timers.add(every(scanInterval, "Waiting notice scan", this::issueWaitingNotices));
        }
    }

    /** Stops the periodic scans (at shutdown); deadlines stay in the database for whoever scans next. */
    public synchronized void stop() {
        timers.forEach(vertx::cancelTimer);
        timers.clear();
    }

    private Uni<Void> expireOffers() {
        return scans.expireOffersDueBy(clock.instant()).replaceWithVoid();
    }

    private Uni<Void> timeOutWaitingChats() {
        return scans.timeOutWaitingChatsDueBy(clock.instant()).replaceWithVoid();
    }

    private Uni<Void> issueWaitingNotices() {
        return notices.issueDueBy(clock.instant()).replaceWithVoid();
    }

    private Uni<Void> dispatchOpenedQueues() {
        return scans.dispatchOpenedQueuesAt(clock.instant()).replaceWithVoid();
    }

    private Uni<Void> publishQueuePositions() {
        return positions.publishChanges().replaceWithVoid();
    }

    /**
     * Runs {@code scan} every {@code interval}, never two rounds of it at once, each on its own safe duplicated
     * context as Hibernate Reactive requires.
     */
    private long every(Duration interval, String name, Supplier<Uni<Void>> scan) {
        AtomicBoolean running = new AtomicBoolean();
        return vertx.setPeriodic(interval.toMillis(), id -> {
            if (!running.compareAndSet(false, true)) {
                return;
            }
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> scan.get().subscribe().with(
                    done -> running.set(false),
                    failure -> {
                        // The next round retries: every deadline is in the database.
                        LOG.warnf("%s failed, retrying next round: %s", name, failure.toString());
                        running.set(false);
                    }));
        });
    }
}
