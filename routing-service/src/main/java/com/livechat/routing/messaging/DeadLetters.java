package com.livechat.routing.messaging;

import com.livechat.contracts.events.LivechatRecord;
import com.livechat.contracts.json.EventJson;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;

/**
 * Parks an input that kept failing on {@code livechat.routing.dlq} (same key, same JSON, the failure in a
 * {@code dead-letter-reason} header), so one bad record never stops its channel. Written by hand rather than with the
 * connector's dead-letter-queue strategy, which ignores the configured serializer for custom deserializers.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<String> emitter;

    public DeadLetters(@Channel("dead-letters") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> park(LivechatRecord record, Throwable failure) {
        LOG.errorf(failure, "Parking %s %s on the dead-letter topic", record.getClass().getSimpleName(), record.key());
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", String.valueOf(failure).getBytes(StandardCharsets.UTF_8));
        return emitter.sendMessage(Message.of(EventJson.write(record))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(record.key())
                        .withHeaders(headers)
                        .build()));
    }
}
