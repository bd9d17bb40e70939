package com.livechat.platform.failure;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Processes a consumed record until it is decided, so that nothing accepted is lost while the database (or the
 * broker) is away: a failure {@link FailureKind#INFRASTRUCTURE} is retried with capped exponential back-off for as
 * long as it takes (the partition waits, nothing is acknowledged or skipped); a {@link FailureKind#DETERMINISTIC}
 * failure is returned at once, for the consumer to turn into its refusal (a rejection event, the dead-letter topic,
 * a logged skip).
 *
 * <p>When the service stops, retrying ends: the record fails with {@link StoppedBeforeDecided} (classified
 * infrastructure, so no consumer refuses it), the channel's {@code failure-strategy=fail} leaves its offset
 * uncommitted, and the record is decided after the restart or by another instance.
 *
 * <p>Channels that wait this way must not be closed for a record that waits long: set
 * {@code throttled.unprocessed-record-max-age.ms=0} on them (the default closes the consumer after 60 s).
 */
@ApplicationScoped
public class UntilDecided {

    public static final Duration FIRST_BACK_OFF = Duration.ofMillis(100);
    public static final Duration MAX_BACK_OFF = Duration.ofSeconds(5);
    /** At most one warning per kind of record in this interval, however many records wait. */
    private static final Duration WARN_EVERY = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(UntilDecided.class);

    private final Duration firstBackOff;
    private final Duration maxBackOff;
    private final Map<String, AtomicLong> nextWarning = new ConcurrentHashMap<>();
    private volatile boolean stopped;
    /** Whether any instance was stopped: the service is shutting down (read by {@link StoppingQuietly}). */
    private static volatile boolean serviceStopping;

    public UntilDecided() {
        this(FIRST_BACK_OFF, MAX_BACK_OFF);
    }

    public UntilDecided(Duration firstBackOff, Duration maxBackOff) {
        this.firstBackOff = firstBackOff;
        this.maxBackOff = maxBackOff;
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Ends every retry in progress and refuses new attempts: the service is going away. */
    public void stop() {
        stopped = true;
        serviceStopping = true;
    }

    /** True once the service began stopping (an instance was stopped). */
    static boolean serviceStopping() {
        return serviceStopping;
    }

    /**
     * Runs {@code attempt} (a fresh transaction each time) until it succeeds or fails deterministically.
     *
     * @param kind what is processed, for the logs (warnings are throttled per kind), e.g. "conversation command"
     * @param id   which one, for the logs
     */
    public <T> Uni<T> run(String kind, Object id, Supplier<Uni<T>> attempt) {
        String what = kind + " " + id;
        // Retries run after a back-off on another thread: bring each attempt back to the caller's Vert.x context,
        // which Hibernate Reactive requires.
        Context context = Vertx.currentContext();
        AtomicInteger failures = new AtomicInteger();
        Uni<T> attempts = Uni.createFrom().deferred(() -> {
            if (stopped) {
                throw new StoppedBeforeDecided(what, null);
            }
            return attempt.get();
        });
        if (context != null) {
            attempts = attempts.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
        }
        return attempts
                .onFailure(this::worthRetrying)
                .invoke(failure -> waiting(kind, what, failures.incrementAndGet(), failure))
                .onFailure(this::worthRetrying).retry().withBackOff(firstBackOff, maxBackOff).indefinitely()
                .invoke(() -> {
                    if (failures.get() > 0) {
                        LOG.infof("Processed %s after %d failed attempts", what, failures.get());
                    }
                })
                .onFailure(failure -> stopped && !(failure instanceof StoppedBeforeDecided))
                .transform(failure -> new StoppedBeforeDecided(what, failure));
    }

    private boolean worthRetrying(Throwable failure) {
        return !stopped && FailureKind.isInfrastructure(failure);
    }

    private void waiting(String kind, String what, int attempt, Throwable failure) {
        AtomicLong next = nextWarning.computeIfAbsent(kind, ignored -> new AtomicLong());
        long now = System.nanoTime();
        long due = next.get();
        if ((due == 0 || now - due >= 0) && next.compareAndSet(due, now + WARN_EVERY.toNanos())) {
            LOG.warnf("Could not process %s (attempt %d), the database or the broker is unavailable; retrying until "
                    + "it is back (warnings about %s are throttled to one per %ds): %s", what, attempt, kind,
                    WARN_EVERY.toSeconds(), failure.toString());
        } else {
            LOG.debugf("Could not process %s (attempt %d), retrying: %s", what, attempt, failure.toString());
        }
    }

    /**
     * The service stopped before the record could be decided. It is left unacknowledged, to be decided after the
     * restart; never turn it into a refusal.
     */
    public static final class StoppedBeforeDecided extends RuntimeException {

        public StoppedBeforeDecided(String what, Throwable lastFailure) {
            super("The service is stopping: " + what + " is left undecided and will be processed again",
                    lastFailure);
        }
    }
}
