package com.livechat.conversation.messaging;

import com.livechat.platform.failure.UntilDecided;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.function.Function;

/**
 * Runs a consumer's unit of work in one transaction until it is decided ({@link UntilDecided}): while the database
 * is unreachable or restarting the record waits, retried with back-off, its offset uncommitted. A failure that says
 * something about the record (a refusal, an illegal transition, data PostgreSQL rejects) comes back at once, for
 * the consumer to turn into a {@code CommandRejected} or a logged skip.
 */
@ApplicationScoped
class Transactions {

    private final Mutiny.SessionFactory sessionFactory;
    private final UntilDecided untilDecided;

    Transactions(Mutiny.SessionFactory sessionFactory, UntilDecided untilDecided) {
        this.sessionFactory = sessionFactory;
        this.untilDecided = untilDecided;
    }

    /** A fresh session and transaction per attempt. */
    <T> Uni<T> inTransaction(String kind, Object id, Function<Mutiny.Session, Uni<T>> work) {
        return untilDecided.run(kind, id, () -> sessionFactory.withTransaction(work));
    }
}
