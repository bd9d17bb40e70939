package com.livechat.masking.messaging;

import com.livechat.contracts.events.ConversationCommand;
import com.livechat.platform.kafka.DeadLetters;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Writes an inbound record the service will not forward to {@code livechat.inbound.dlq} ({@link DeadLetters}: the
 * original key and value, the raw bytes when they could not be read, with headers saying why and where it came from).
 */
@Singleton
public class InboundDeadLetters extends DeadLetters {

    private static final Logger LOG = Logger.getLogger(InboundDeadLetters.class);

    public InboundDeadLetters(@Channel("inbound-dead-letters") MutinyEmitter<byte[]> deadLetters) {
        super(deadLetters);
    }

    /** Completes once the broker holds the dead letter. */
    public Uni<Void> send(Message<ConversationCommand> rejected, String reason) {
        rejected.getMetadata(IncomingKafkaRecordMetadata.class).ifPresent(record -> LOG.warnf(
                "Record %s-%d@%d sent to the dead-letter topic: %s", record.getTopic(), record.getPartition(),
                record.getOffset(), reason));
        return park(rejected, reason);
    }
}
