package com.livechat.platform.kafka;

import com.livechat.contracts.events.LivechatRecord;
import com.livechat.contracts.json.EventJson;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;

/**
 * Writes a record a service will not process to its dead-letter topic, so one bad record never stops its channel:
 * the original key and value (the raw bytes when they could not be read, the contract's JSON otherwise) and headers
 * saying why ({@value #REASON}) and, when the record came with its Kafka metadata, where it was read
 * ({@value #TOPIC}, {@value #PARTITION}, {@value #OFFSET}). Written by hand rather than with the connector's
 * dead-letter-queue strategy, which ignores the configured serializer for custom deserializers.
 *
 * <p>A service configures it with a {@code @Singleton} bean that extends this class and passes the emitter of its
 * dead-letter channel (Kafka, String keys, byte-array values). Logging is the caller's: only it knows how serious the
 * reason is.
 */
public abstract class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    private final MutinyEmitter<byte[]> emitter;

    protected DeadLetters(MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** Parks a record known by value: its key and its JSON. Completes once the broker holds the dead letter. */
    public Uni<Void> park(LivechatRecord record, String reason) {
        return send(record.key(), utf8(EventJson.write(record)), headers(reason));
    }

    /**
     * Parks a record as it was read from Kafka: its key, its value (as received when it could not be read) and where
     * it came from. Completes once the broker holds the dead letter.
     */
    public Uni<Void> park(Message<? extends LivechatRecord> received, String reason) {
        ConsumerRecord<?, ?> record = received.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getRecord)
                .orElseThrow(() -> new IllegalStateException("Not a Kafka record: " + received));
        RecordHeaders headers = headers(reason);
        headers.add(TOPIC, utf8(record.topic()));
        headers.add(PARTITION, utf8(Integer.toString(record.partition())));
        headers.add(OFFSET, utf8(Long.toString(record.offset())));
        return send(record.key(), originalValue(received, record), headers);
    }

    private Uni<Void> send(Object key, byte[] value, RecordHeaders headers) {
        return emitter.sendMessage(Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.builder()
                .withKey(key)
                .withHeaders(headers)
                .build()));
    }

    /** The value as its writer wrote it: kept by the connector when it could not be read, re-written otherwise. */
    private static byte[] originalValue(Message<? extends LivechatRecord> received, ConsumerRecord<?, ?> record) {
        if (received.getPayload() != null) {
            return utf8(EventJson.write(received.getPayload()));
        }
        Header raw = record.headers().lastHeader(DeserializationFailureHandler.DESERIALIZATION_FAILURE_DATA);
        return raw == null ? null : raw.value();
    }

    private static RecordHeaders headers(String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON, utf8(reason));
        return headers;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
