package com.livechat.gateway.messaging;

import java.util.function.LongSupplier;

/**
 * Decides whether the gateway hands a command to the broker now or refuses it at once, a circuit breaker with an
 * injected clock (nanoseconds) and no I/O, so that it can be tested alone.
 *
 * <p>Failure semantics: <b>fail fast, never lose an accepted command</b>. While the broker is unreachable the
 * producer blocks each record for {@code max.block.ms} and the records queue one behind the other, so a command would
 * wait several of those time-outs before its {@code 503}. Once one send fails because the broker is unreachable (an
 * infrastructure failure: time-out, not available), the breaker <i>opens</i>: every further command is refused at
 * once (the caller answers {@code 503} with {@code Retry-After}, or a {@code SERVICE_UNAVAILABLE} error frame) and is
 * never handed to the producer, so the client, which was not told {@code 202}, sends it again later; nothing the
 * gateway accepted is dropped, because acceptance is only ever answered after the broker acknowledged the record.
 * Every {@link #probeIntervalNanos} the breaker lets one command through (<i>half-open</i>) as the probe: its success
 * closes the breaker, its failure opens it again for another interval. A probe that never reports back (it cannot
 * last beyond the producer's delivery time-out) stops blocking the next probe after {@link #probeTimeoutNanos}. Any
 * success, even of a send started before the breaker opened, closes it: the broker took a record. Failures that say
 * nothing about the broker (a record too large, a bug) leave the breaker as it is.
 *
 * <p>A send does not fail before the producer's time-out (3 s, then 5 s for delivery), and the commands admitted
 * meanwhile queue behind it. So the breaker also opens when sends are outstanding and none has completed for
 * {@link #stallNanos} (the broker stalled: an acknowledgement normally takes milliseconds); the outstanding ones
 * still complete (acknowledged or failed) and report as usual.
 */
final class SendBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    /** What {@link #tryAcquire()} decided: send the command (a probe or not), or refuse it now. */
    enum Decision {
        SEND, PROBE, REFUSE;

        boolean sends() {
            return this != REFUSE;
        }
    }

    private final LongSupplier nanoClock;
    private final long probeIntervalNanos;
    private final long probeTimeoutNanos;
    private final long stallNanos;

    private State state = State.CLOSED;
    /** Sends handed to the producer and not completed yet. */
    private int inFlight;
    /** When a send last completed, or when the first of the outstanding sends started. */
    private long progressAt;
    /** When the breaker last opened, or when the probe in flight started (half-open). */
    private long since;

    SendBreaker(LongSupplier nanoClock, long probeIntervalNanos, long probeTimeoutNanos, long stallNanos) {
        this.nanoClock = nanoClock;
        this.probeIntervalNanos = probeIntervalNanos;
        this.probeTimeoutNanos = probeTimeoutNanos;
        this.stallNanos = stallNanos;
    }

    /** Whether to send a command now; a {@link Decision#sends() send} must be followed by one completion call. */
    synchronized Decision tryAcquire() {
        long now = nanoClock.getAsLong();
        switch (state) {
            case CLOSED:
                if (inFlight > 0 && now - progressAt >= stallNanos) {
                    state = State.OPEN;
                    since = now;
                    return Decision.REFUSE;
                }
                return started(now, Decision.SEND);
            case OPEN:
                if (now - since < probeIntervalNanos) {
                    return Decision.REFUSE;
                }
                break;
            case HALF_OPEN:
                if (now - since < probeTimeoutNanos) {
                    return Decision.REFUSE;
                }
                break;
        }
        state = State.HALF_OPEN;
        since = now;
        return started(now, Decision.PROBE);
    }

    private Decision started(long now, Decision decision) {
        if (inFlight++ == 0) {
            progressAt = now;
        }
        return decision;
    }

    private long completed() {
        long now = nanoClock.getAsLong();
        inFlight = Math.max(0, inFlight - 1);
        progressAt = now;
        return now;
    }

    /** The broker acknowledged a record: commands flow again. */
    synchronized void succeeded() {
        completed();
        state = State.CLOSED;
    }

    /** A send failed because the broker is unreachable: refuse commands for a probe interval. */
    synchronized void brokerUnreachable() {
        since = completed();
        state = State.OPEN;
    }

    /** A send failed for a reason that says nothing about the broker; a probe that did lets the next one go at once. */
    synchronized void failedOtherwise(boolean probe) {
        long now = completed();
        if (probe && state == State.HALF_OPEN) {
            state = State.OPEN;
            since = now - probeIntervalNanos;
        }
    }

    synchronized State state() {
        return state;
    }
}
