package com.livechat.conversation.messaging;

import com.livechat.conversation.domain.CommandRefusedException;
import com.livechat.conversation.domain.IllegalTransitionException;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Duration;
import java.util.function.Function;

/** Runs a consumer's unit of work in one transaction, retrying it when the failure may be transient. */
final class Transactions {

    private static final int ATTEMPTS = 5;

    private Transactions() {
    }

    /**
     * A fresh session and transaction per attempt. Refusals and illegal transitions are decisions, not accidents:
     * they are never retried. Anything else (a lost connection, a unique-key race between instances) is retried a
     * few times before the record goes to the dead-letter topic.
     */
    static <T> Uni<T> inTransaction(Mutiny.SessionFactory sessionFactory, Function<Mutiny.Session, Uni<T>> work) {
        return Uni.createFrom().deferred(() -> sessionFactory.withTransaction(work))
                .onFailure(Transactions::mayBeTransient).retry()
                .withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).atMost(ATTEMPTS);
    }

    private static boolean mayBeTransient(Throwable failure) {
        return !(failure instanceof CommandRefusedException) && !(failure instanceof IllegalTransitionException);
    }
}
