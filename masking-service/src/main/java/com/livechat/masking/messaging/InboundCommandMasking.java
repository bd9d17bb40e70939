package com.livechat.masking.messaging;

import com.livechat.masking.config.MaskingConfig;
import com.livechat.masking.policy.CurrentMaskingPolicy;
import com.livechat.masking.domain.MaskingScope;
import com.livechat.masking.domain.SensitiveDataMasker;
import com.livechat.masking.domain.SensitiveType;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.LivechatHeaders;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The only way from the gateway to the conversation service: every conversation command read from
 * {@code livechat.inbound} is masked with the policy in force and forwarded to
 * {@code livechat.conversation.commands} with the same key (the conversation id), in the order it was read.
 *
 * <p>The inbound record is acknowledged (its offset committed) only once the broker has acknowledged the masked
 * copy: the outgoing message carries the incoming one's acknowledgement, so a crash in between replays the command
 * instead of losing it. Records that cannot be forwarded (unreadable JSON, unknown command type, oversized, no
 * conversation id) go to {@code livechat.inbound.dlq} with the reason, and the partition moves on to the next one.
 */
@ApplicationScoped
public class InboundCommandMasking {

    private final SensitiveDataMasker masker;
    private final CurrentMaskingPolicy policy;
    private final InboundDeadLetters deadLetters;
    private final MaskingConfig config;

    public InboundCommandMasking(SensitiveDataMasker masker, CurrentMaskingPolicy policy,
            InboundDeadLetters deadLetters, MaskingConfig config) {
        this.masker = masker;
        this.policy = policy;
        this.deadLetters = deadLetters;
        this.config = config;
    }

    @Incoming("inbound")
    @Outgoing("conversation-commands")
    public Multi<Message<ConversationCommand>> forwardMasked(Multi<Message<ConversationCommand>> inbound) {
        // One record at a time, in order: a rejected record is dead-lettered before the next one is looked at.
        return inbound.onItem().transformToUniAndConcatenate(this::maskOrReject);
    }

    private Uni<Message<ConversationCommand>> maskOrReject(Message<ConversationCommand> in) {
        Optional<String> rejection = rejectionReason(in);
        if (rejection.isPresent()) {
            return reject(in, rejection.get());
        }
        ConversationCommand command = in.getPayload();
        MaskingScope scope = policy.get().scope();
        ConversationCommand masked;
        try {
            masked = command.masked(masker.asFunction(scope));
        } catch (RuntimeException e) {
            return reject(in, "Masking failed: " + e);
        }
        // Tells the conversation service whether card numbers were masked, so its PCI guard follows the policy: off
        // when PCI masking is off or card numbers alone are switched off.
        boolean cardsMasked = scope.covers(SensitiveType.CREDIT_CARD);
        Headers headers = new RecordHeaders().add(LivechatHeaders.PCI_MASKING,
                (cardsMasked ? LivechatHeaders.ON : LivechatHeaders.OFF).getBytes(StandardCharsets.UTF_8));
        return Uni.createFrom().item(in.withPayload(masked).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(command.key()).withHeaders(headers).build()));
    }

    private Optional<String> rejectionReason(Message<ConversationCommand> in) {
        Optional<ConsumerRecord<?, ?>> record = in.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getRecord);
        if (in.getPayload() == null) {
            return Optional.of(record.flatMap(InboundCommandMasking::deserializationFailure)
                    .orElse("Empty record: no conversation command"));
        }
        int size = record.map(ConsumerRecord::serializedValueSize).orElse(0);
        if (size > config.maxRecordBytes()) {
            return Optional.of("Oversized record: " + size + " bytes, at most " + config.maxRecordBytes()
                    + " are accepted");
        }
        String key = in.getPayload().key();
        if (key == null || key.isBlank()) {
            return Optional.of("Conversation command without conversation id");
        }
        return Optional.empty();
    }

    private static Optional<String> deserializationFailure(ConsumerRecord<?, ?> record) {
        Header reason = record.headers().lastHeader(DeserializationFailureHandler.DESERIALIZATION_FAILURE_REASON);
        return Optional.ofNullable(reason)
                .map(header -> new String(header.value(), StandardCharsets.UTF_8));
    }

    /** Dead-letters the record, then acknowledges it; the null item lets the stream move on without output. */
    private Uni<Message<ConversationCommand>> reject(Message<ConversationCommand> in, String reason) {
        return deadLetters.send(in, reason)
                .chain(() -> Uni.createFrom().completionStage(in.ack()))
                .onItem().transform(acknowledged -> null);
    }
}
