package com.livechat.platform.failure;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UntilDecidedTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final UntilDecided untilDecided = new UntilDecided(Duration.ofMillis(1), Duration.ofMillis(5));
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void anOutageIsWaitedOutHoweverManyAttemptsItTakes() {
        String result = untilDecided.run("test record", 1, () -> attempts.incrementAndGet() <= 60
                        ? Uni.createFrom().failure(ClosedConnectionException.INSTANCE)
                        : Uni.createFrom().item("decided"))
                .await().atMost(WAIT);
        assertEquals("decided", result);
        assertEquals(61, attempts.get());
    }

    @Test
    void aDeterministicFailureIsReturnedAtOnceUnchanged() {
        PgException nul = new PgException("invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", "22021", null);
        PgException thrown = assertThrows(PgException.class, () -> untilDecided.run("test record", 2, () -> {
            attempts.incrementAndGet();
            return Uni.createFrom().<String>failure(nul);
        }).await().atMost(WAIT));
        assertSame(nul, thrown);
        assertEquals(1, attempts.get());
    }

    @Test
    void anOutageEndingInARefusalStopsAtTheRefusal() {
        IllegalArgumentException refusal = new IllegalArgumentException("refused");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> untilDecided.run("test record", 3, () -> attempts.incrementAndGet() <= 3
                        ? Uni.createFrom().<String>failure(ClosedConnectionException.INSTANCE)
                        : Uni.createFrom().<String>failure(refusal)).await().atMost(WAIT));
        assertSame(refusal, thrown);
        assertEquals(4, attempts.get());
    }

    @Test
    void stoppingEndsTheRetryWithAFailureNoConsumerTurnsIntoARefusal() {
        UntilDecided.StoppedBeforeDecided thrown = assertThrows(UntilDecided.StoppedBeforeDecided.class,
                () -> untilDecided.run("test record", 4, () -> {
                    if (attempts.incrementAndGet() == 5) {
                        untilDecided.stop();
                    }
                    return Uni.createFrom().<String>failure(ClosedConnectionException.INSTANCE);
                }).await().atMost(WAIT));
        assertEquals(5, attempts.get(), "no attempt after the stop");
        assertTrue(FailureKind.isInfrastructure(thrown));
        assertSame(ClosedConnectionException.INSTANCE, thrown.getCause());
    }

    @Test
    void onceStoppedNothingIsAttempted() {
        untilDecided.stop();
        assertThrows(UntilDecided.StoppedBeforeDecided.class, () -> untilDecided.run("test record", 5, () -> {
            attempts.incrementAndGet();
            return Uni.createFrom().item("decided");
        }).await().atMost(WAIT));
        assertEquals(0, attempts.get());
    }

    @Test
    void aDeterministicFailureWhileStoppingIsNotARefusalEither() {
        UntilDecided.StoppedBeforeDecided thrown = assertThrows(UntilDecided.StoppedBeforeDecided.class,
                () -> untilDecided.run("test record", 6, () -> {
                    untilDecided.stop();
                    return Uni.createFrom().<String>failure(new IllegalStateException("Session closed"));
                }).await().atMost(WAIT));
        assertTrue(FailureKind.isInfrastructure(thrown));
    }
}
