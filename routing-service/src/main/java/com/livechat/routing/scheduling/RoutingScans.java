package com.livechat.routing.domain;

import com.livechat.routing.config.RoutingConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The timers of routing, as periodic scans of the database: RONA (pending offers past their absolute expiry), the
 * queues' maximum time in queue, and queue positions. No deadline lives in memory, so a restarted or surviving
 * instance keeps every deadline. Each scan first looks without the lock and only decides when there is work.
 */
@ApplicationScoped
public class RoutingScans {

    private static final Logger LOG = Logger.getLogger(RoutingScans.class);

    private final RoutingEngine engine;
    private final QueuePositions positions;
    private final Vertx vertx;
    private final Duration scanInterval;
    private final Duration positionInterval;
    private final List<Long> timers = new ArrayList<>();

    public RoutingScans(RoutingEngine engine, QueuePositions positions, Vertx vertx, RoutingConfig config) {
        this.engine = engine;
        this.positions = positions;
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
            timers.add(every(positionInterval, "Queue position scan", this::publishQueuePositions));
        }
    }

    /** Stops the periodic scans (at shutdown); deadlines stay in the database for whoever scans next. */
    public synchronized void stop() {
        timers.forEach(vertx::cancelTimer);
        timers.clear();
    }

    public Uni<Void> expireOffers() {
        return Panache.withSession(() -> Offer.count("status = ?1 and expiresAt <= ?2", OfferStatus.PENDING, Instant.now()))
                .chain(expired -> expired == 0 ? Uni.createFrom().voidItem() : engine.expireOffers().replaceWithVoid());
    }

    public Uni<Void> timeOutWaitingChats() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery("select count(*) from waiting_chat w join routing_queue q on q.id = w.queue_id"
                                + " where q.max_wait_seconds is not null"
                                + " and w.entered_queue_at + make_interval(secs => q.max_wait_seconds) <= :now", Long.class)
                        .setParameter("now", Instant.now())
                        .getSingleResult()))
                .chain(overdue -> overdue == 0 ? Uni.createFrom().voidItem() : engine.timeOutWaitingChats().replaceWithVoid());
    }

    public Uni<Void> publishQueuePositions() {
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
