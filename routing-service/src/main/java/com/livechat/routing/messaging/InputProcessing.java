package com.livechat.routing.messaging;

import com.livechat.shared.events.LivechatRecord;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How a poll of inputs becomes decisions: the whole batch in one transaction, retried a few times (a database
 * hiccup); if it keeps failing, each input alone, so a bad record is isolated, retried, then parked on the
 * dead-letter topic and never stops its channel. While the service shuts down nothing is parked: the decision fails,
 * the offsets are not committed, and the records are decided again by whichever instance reads them next.
 */
@ApplicationScoped
public class InputProcessing {

    private static final Logger LOG = Logger.getLogger(InputProcessing.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);
    private static final int RETRIES = 3;

    private final DeadLetters deadLetters;
    private volatile boolean shuttingDown;

    public InputProcessing(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    void onStop(@Observes ShutdownEvent event) {
        shuttingDown = true;
    }

    public <I extends LivechatRecord> Uni<Void> process(List<I> inputs, Function<List<I>, Uni<Void>> decide) {
        // Retries run after a back-off on another thread: bring each attempt back to this Vert.x context, which
        // Hibernate Reactive requires.
        Context context = Vertx.currentContext();
        return retried(context, () -> decide.apply(inputs))
                .onFailure(failure -> !shuttingDown && inputs.size() > 1).recoverWithUni(failure -> {
                    LOG.warnf("A batch of %d inputs failed (%s); deciding them one by one", inputs.size(), failure);
                    return Multi.createFrom().iterable(inputs)
                            .onItem().transformToUniAndConcatenate(input ->
                                    retried(context, () -> decide.apply(List.of(input)))
                                            .onFailure(ignored -> !shuttingDown)
                                            .recoverWithUni(single -> deadLetters.park(input, single)))
                            .collect().last()
                            .replaceWithVoid();
                })
                .onFailure(failure -> !shuttingDown && inputs.size() == 1)
                .recoverWithUni(failure -> deadLetters.park(inputs.get(0), failure));
    }

    private Uni<Void> retried(Context context, Supplier<Uni<Void>> attempt) {
        Uni<Void> uni = Uni.createFrom().<Void>deferred(attempt::get);
        if (context != null) {
            uni = uni.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
        }
        return uni
                .onFailure().invoke(failure -> LOG.warnf("Routing inputs failed: %s", failure.toString()))
                .onFailure(failure -> !shuttingDown).retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).atMost(RETRIES);
    }
}
