package com.livechat.masking.messaging;

import com.livechat.contracts.events.ConversationCommand.PostMessage;
import com.livechat.contracts.events.SenderType;
import com.livechat.contracts.events.Topics;
import com.livechat.contracts.json.EventJson;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Tracing off (the default; these tests leave it): the OpenTelemetry SDK is disabled, so no span processor and no
 * exporter thread run and nothing is exported. (Quarkus still creates the spans of its own instrumentation, in memory,
 * and drops them.)
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_masking_test"))
class TracingOffTest {

    @Test
    void noExporterRuns() throws Exception {
        // A command through the service first, so that anything tracing would start has started.
        String conversationId = UUID.randomUUID().toString();
        PostMessage message = new PostMessage(UUID.randomUUID().toString(), conversationId, Instant.now(),
                UUID.randomUUID().toString(), SenderType.CUSTOMER, null, "hello");
        ProducerRecord<String, String> traced = new ProducerRecord<>(Topics.INBOUND, conversationId,
                EventJson.write(message));
        traced.headers().add("traceparent",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes(StandardCharsets.UTF_8));
        KafkaProbe.send(Topics.INBOUND, List.of(traced));
        KafkaProbe.awaitRecord(Topics.CONVERSATION_COMMANDS,
                record -> record.value() != null && record.value().contains(message.commandId()));

        assertFalse(Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                        .anyMatch(name -> name.contains("BatchSpanProcessor") || name.contains("Exporter")),
                "a span processor or exporter thread runs with tracing off");
    }
}
