package com.livechat.gateway.socket;

import com.livechat.gateway.socket.frame.SharedFrame;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A socket {@code send} that fails because the broker is down is a {@code SERVICE_UNAVAILABLE} (503) the client
 * resends, as REST answers it, never {@code INTERNAL} logged as an ERROR: {@code ./livechat faults} received 15
 * {@code INTERNAL} error frames while the broker was stopped (issue 17).
 */
class ErrorFramesTest {

    @Test
    void aSendTheBrokerCouldNotTakeIsServiceUnavailable() {
        // What SmallRye Kafka nacks with when the record expires in the producer (delivery.timeout.ms).
        Throwable failure = new IllegalStateException("Retries exhausted : 0 attempts against 1/2 expiration",
                new TimeoutException("Expiring 1 record(s) for livechat.inbound-3:5001 ms has passed since batch creation"));

        SharedFrame.Error frame = ErrorFrames.failed("m-1", "conv-1", failure);

        assertEquals("SERVICE_UNAVAILABLE", frame.code());
        assertEquals(503, frame.status());
        assertEquals("m-1", frame.correlationId());
        assertEquals("conv-1", frame.conversationId());
    }

    @Test
    void anyOtherFailureIsStillTheGatewaysOwnError() {
        assertEquals("INTERNAL", ErrorFrames.failed("m-1", "conv-1", new IllegalArgumentException("bug")).code());
    }
}
