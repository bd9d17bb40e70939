package com.livechat.gateway.messaging;

import com.livechat.gateway.refusal.Refusal;
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
        Refusal refusal = assertInstanceOf(Refusal.class, CommandPublisher.refusal(wrapped));
        assertEquals(413, refusal.kind().status());
        assertEquals("PAYLOAD_TOO_LARGE", refusal.code());
    }

    @Test
    void otherFailuresAreLeftAsTheyAre() {
        Throwable failure = new KafkaException("broker unreachable");
        assertSame(failure, CommandPublisher.refusal(failure));
    }
}
