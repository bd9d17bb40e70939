package com.livechat.masking.messaging;

import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.json.EventJson;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;

/**
 * Writes an inbound record the service will not forward to {@code livechat.inbound.dlq}: the original key and value
 * (the raw bytes when they could not be read), and headers saying why and where it came from
 * ({@code dead-letter-reason}, {@code dead-letter-topic}, {@code dead-letter-partition}, {@code dead-letter-offset}).
 */
@ApplicationScoped
public class InboundDeadLetters {

    static final String REASON = "dead-letter-reason";
    static final String TOPIC = "dead-letter-topic";
    static final String PARTITION = "dead-letter-partition";
    static final String OFFSET = "dead-letter-offset";

    private static final Logger LOG = Logger.getLogger(InboundDeadLetters.class);

    private final MutinyEmitter<byte[]> deadLetters;

    public InboundDeadLetters(@Channel("inbound-dead-letters") MutinyEmitter<byte[]> deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** Completes once the broker holds the dead letter. */
    public Uni<Void> send(Message<ConversationCommand> rejected, String reason) {
        ConsumerRecord<?, ?> record = rejected.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getRecord)
                .orElseThrow(() -> new IllegalStateException("Not a Kafka record: " + rejected));
        LOG.warnf("Record %s-%d@%d sent to the dead-letter topic: %s", record.topic(), record.partition(),
                record.offset(), reason);
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON, utf8(reason));
        headers.add(TOPIC, utf8(record.topic()));
        headers.add(PARTITION, utf8(Integer.toString(record.partition())));
        headers.add(OFFSET, utf8(Long.toString(record.offset())));
        OutgoingKafkaRecordMetadata<Object> metadata = OutgoingKafkaRecordMetadata.builder()
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        return deadLetters.sendMessage(Message.of(originalValue(rejected, record)).addMetadata(metadata));
    }

    /** The value as the gateway wrote it: kept by the connector when it could not be read, re-written otherwise. */
    private static byte[] originalValue(Message<ConversationCommand> rejected, ConsumerRecord<?, ?> record) {
        if (rejected.getPayload() != null) {
            return utf8(EventJson.write(rejected.getPayload()));
        }
        Header raw = record.headers().lastHeader(DeserializationFailureHandler.DESERIALIZATION_FAILURE_DATA);
        return raw == null ? null : raw.value();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
