package com.livechat.gateway.messaging;

import com.livechat.platform.problem.ApiException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A record the producer or broker refuses for its size is the client's to shrink: 413, however it is wrapped. */
class CommandPublisherTest {

    @Test
    void aRecordTooLargeIsA413Problem() {
        Throwable wrapped = new CompletionException(new KafkaException(new RecordTooLargeException("too large")));
        ApiException refusal = assertInstanceOf(ApiException.class, CommandPublisher.refusal(wrapped));
        assertEquals(413, refusal.status());
        assertEquals("PAYLOAD_TOO_LARGE", refusal.toProblem().code());
    }

    @Test
    void otherFailuresAreLeftAsTheyAre() {
        Throwable failure = new KafkaException("broker unreachable");
        assertSame(failure, CommandPublisher.refusal(failure));
    }
}
