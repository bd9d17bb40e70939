package com.livechat.routing.messaging;

import com.livechat.contracts.events.LivechatRecord;
import com.livechat.contracts.json.EventJson;
import com.livechat.platform.failure.FailureKind;
import com.livechat.platform.failure.UntilDecided;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.function.Function;

/**
 * How a poll of inputs becomes decisions: the whole batch in one transaction, retried for as long as the database
 * is unavailable ({@link UntilDecided}: the partition waits, nothing is committed or parked meanwhile). A batch that
 * fails for a reason retrying cannot fix is decided input by input, so the bad record is isolated and parked on the
 * dead-letter topic, and never stops its channel. While the service shuts down nothing is parked: the decision
 * fails, the offsets are not committed, and the records are decided again by whichever instance reads them next.
 */
@ApplicationScoped
public class InputProcessing {

    private static final Logger LOG = Logger.getLogger(InputProcessing.class);
    private static final String BATCH = "routing input batch";
    private static final String INPUT = "routing input";

    private final RoutingDeadLetters deadLetters;
    private final UntilDecided untilDecided;

    public InputProcessing(RoutingDeadLetters deadLetters, UntilDecided untilDecided) {
        this.deadLetters = deadLetters;
        this.untilDecided = untilDecided;
    }

    public <I extends LivechatRecord> Uni<Void> process(List<I> inputs, Function<List<I>, Uni<Void>> decide) {
        if (inputs.size() == 1) {
            return alone(inputs.get(0), decide);
        }
        return untilDecided.run(BATCH, inputs.get(0).key() + " +" + (inputs.size() - 1),
                        () -> decide.apply(inputs))
                .onFailure(FailureKind::isDeterministic).recoverWithUni(failure -> {
                    LOG.warnf("A batch of %d inputs failed (%s); deciding them one by one", inputs.size(), failure);
                    return Multi.createFrom().iterable(inputs)
                            .onItem().transformToUniAndConcatenate(input -> alone(input, decide))
                            .collect().last()
                            .replaceWithVoid();
                });
    }

    private <I extends LivechatRecord> Uni<Void> alone(I input, Function<List<I>, Uni<Void>> decide) {
        return untilDecided.run(INPUT, input.key(), () -> decide.apply(List.of(input)))
                .onFailure(FailureKind::isDeterministic).recoverWithUni(failure -> park(input, failure));
    }

    /** Parks a record that can never be decided; a broker hiccup while parking is waited out too. */
    private Uni<Void> park(LivechatRecord input, Throwable failure) {
        return untilDecided.run("dead letter", input.key(), () -> deadLetters.park(input, failure))
                .onFailure(FailureKind::isDeterministic).invoke(refused -> LOG.errorf(refused,
                        "Could not park %s on the dead-letter topic either; skipped, its JSON: %s",
                        input.getClass().getSimpleName(), EventJson.write(input)))
                .onFailure(FailureKind::isDeterministic).recoverWithNull();
    }
}
