package com.livechat.gateway.projection;

import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Statements of one connection sent without waiting for each other's answer: the client pipelines them and
 * PostgreSQL runs them one after the other in the order sent, so a poll of independent writes costs one round trip
 * instead of one per statement. Only for statements whose parameters do not depend on an earlier one's result.
 */
public final class Pipelined {

    private Pipelined() {
    }

    /**
     * Subscribes to every statement in list order (which is the order the connection sends and runs them) and
     * completes once all have answered; fails with the first failure in statement order (in a transaction, the
     * statements after a failed one fail only because the transaction is aborted).
     */
    public static Uni<Void> inOrder(List<Uni<Void>> statements) {
        if (statements.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(emitter -> {
            int count = statements.size();
            Throwable[] failures = new Throwable[count];
            AtomicInteger unanswered = new AtomicInteger(count);
            Runnable answered = () -> {
                if (unanswered.decrementAndGet() == 0) {
                    for (Throwable failure : failures) {
                        if (failure != null) {
                            emitter.fail(failure);
                            return;
                        }
                    }
                    emitter.complete(null);
                }
            };
            for (int i = 0; i < count; i++) {
                int index = i;
                statements.get(i).subscribe().with(ignored -> answered.run(), failure -> {
                    failures[index] = failure;
                    answered.run();
                });
            }
        });
    }
}
