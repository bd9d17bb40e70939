package com.livechat.routing.messaging;

import com.livechat.shared.events.LivechatRecord;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * How every input becomes a decision: retried a few times (a database hiccup), then parked on the dead-letter topic
 * so one bad record never stops its channel. While the service shuts down nothing is parked: the decision fails, the
 * offset is not committed, and the record is decided again by whichever instance reads it next.
 */
@ApplicationScoped
public class InputProcessing {

    private static final Logger LOG = Logger.getLogger(InputProcessing.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);
    private static final int RETRIES = 5;

    private final DeadLetters deadLetters;
    private volatile boolean shuttingDown;

    public InputProcessing(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    void onStop(@Observes ShutdownEvent event) {
        shuttingDown = true;
    }

    public Uni<Void> process(LivechatRecord input, String inputId, Supplier<Uni<Void>> decision) {
        // Retries run after a back-off on another thread: bring each attempt back to this Vert.x context, which
        // Hibernate Reactive requires.
        Context context = Vertx.currentContext();
        Uni<Void> attempt = Uni.createFrom().<Void>deferred(decision::get);
        if (context != null) {
            attempt = attempt.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
        }
        return attempt
                .onFailure().invoke(failure -> LOG.warnf("Input %s failed: %s", inputId, failure.toString()))
                .onFailure(failure -> !shuttingDown).retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).atMost(RETRIES)
                .onFailure(failure -> !shuttingDown).recoverWithUni(failure -> deadLetters.park(input, failure));
    }
}
