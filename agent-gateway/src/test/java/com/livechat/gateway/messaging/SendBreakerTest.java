package com.livechat.gateway.messaging;

import io.smallrye.mutiny.Uni;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.livechat.platform.failure.FailureKind;

import static com.livechat.gateway.messaging.SendBreaker.Decision.PROBE;
import static com.livechat.gateway.messaging.SendBreaker.Decision.REFUSE;
import static com.livechat.gateway.messaging.SendBreaker.Decision.SEND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The breaker's decisions on a clock the test moves, and that a refused command never reaches the producer. */
class SendBreakerTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private long now = 1_000 * SECOND;
    private final SendBreaker breaker = new SendBreaker(() -> now, SECOND, 9 * SECOND, 2 * SECOND);

    @Test
    void closedSendsEverything() {
        assertEquals(SEND, breaker.tryAcquire());
        assertEquals(SEND, breaker.tryAcquire());
        assertEquals(SendBreaker.State.CLOSED, breaker.state());
    }

    @Test
    void anUnreachableBrokerRefusesAtOnceThenLetsOneProbeThroughPerInterval() {
        breaker.brokerUnreachable();
        assertEquals(REFUSE, breaker.tryAcquire());
        now += SECOND - 1;
        assertEquals(REFUSE, breaker.tryAcquire());
        now += 1;
        assertEquals(PROBE, breaker.tryAcquire());
        assertEquals(REFUSE, breaker.tryAcquire(), "one probe at a time");
        now += 5 * SECOND;
        assertEquals(REFUSE, breaker.tryAcquire(), "the probe in flight has not reported yet");

        breaker.brokerUnreachable();
        assertEquals(REFUSE, breaker.tryAcquire(), "a failed probe opens the breaker for another interval");
        now += SECOND;
        assertEquals(PROBE, breaker.tryAcquire());
        breaker.succeeded();
        assertEquals(SEND, breaker.tryAcquire());
        assertEquals(SEND, breaker.tryAcquire());
    }

    @Test
    void aProbeThatNeverReportsStopsBlockingAfterItsTimeout() {
        breaker.brokerUnreachable();
        now += SECOND;
        assertEquals(PROBE, breaker.tryAcquire());
        now += 9 * SECOND - 1;
        assertEquals(REFUSE, breaker.tryAcquire());
        now += 1;
        assertEquals(PROBE, breaker.tryAcquire());
    }

    @Test
    void aProbeRefusedForItsOwnSakeLetsTheNextCommandProbe() {
        breaker.brokerUnreachable();
        now += SECOND;
        assertEquals(PROBE, breaker.tryAcquire());
        breaker.failedOtherwise(true);
        assertEquals(PROBE, breaker.tryAcquire());
    }

    @Test
    void sendsOutstandingWithNoCompletionForTheStallTimeOpenTheBreaker() {
        assertEquals(SEND, breaker.tryAcquire());
        now += SECOND;
        assertEquals(SEND, breaker.tryAcquire());
        breaker.succeeded();
        now += 2 * SECOND - 1;
        assertEquals(SEND, breaker.tryAcquire(), "a completion is progress");
        now += 1;
        assertEquals(REFUSE, breaker.tryAcquire(), "two sends outstanding, nothing completed for 2 s");
        assertEquals(SendBreaker.State.OPEN, breaker.state());

        breaker.brokerUnreachable();
        breaker.brokerUnreachable();
        now += SECOND;
        assertEquals(PROBE, breaker.tryAcquire());
        breaker.succeeded();
        now += 10 * SECOND;
        assertEquals(SEND, breaker.tryAcquire(), "nothing outstanding: no stall, however long since the last send");
    }

    @Test
    void afterAnUnreachableBrokerTheNextCommandIsRefusedUnsentAs503() {
        AtomicInteger handedOver = new AtomicInteger();
        Uni<Void> timedOut = Uni.createFrom().failure(new TimeoutException("Topic not present in metadata after 3000 ms"));

        assertThrows(TimeoutException.class, () -> CommandPublisher.guarded(breaker, () -> {
            handedOver.incrementAndGet();
            return timedOut;
        }).await().indefinitely());
        Throwable refused = assertThrows(RuntimeException.class, () -> CommandPublisher.guarded(breaker, () -> {
            handedOver.incrementAndGet();
            return Uni.createFrom().voidItem();
        }).await().indefinitely());

        assertInstanceOf(BrokerUnavailable.class, refused);
        assertTrue(FailureKind.isInfrastructure(refused), "answered 503 / SERVICE_UNAVAILABLE");
        assertEquals(1, handedOver.get(), "the refused command never reached the producer");

        now += SECOND;
        CommandPublisher.guarded(breaker, () -> {
            handedOver.incrementAndGet();
            return Uni.createFrom().voidItem();
        }).await().indefinitely();
        assertEquals(2, handedOver.get());
        assertEquals(SendBreaker.State.CLOSED, breaker.state());
    }

    @Test
    void aRecordTooLargeSaysNothingAboutTheBroker() {
        assertThrows(RecordTooLargeException.class, () -> CommandPublisher.guarded(breaker,
                () -> Uni.createFrom().failure(new RecordTooLargeException("too large"))).await().indefinitely());
        assertEquals(SendBreaker.State.CLOSED, breaker.state());
    }
}
