package com.livechat.gateway.messaging;

import com.livechat.gateway.command.CommandBus;
import com.livechat.gateway.refusal.Refusal;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.RoutingCommand;
import com.livechat.contracts.events.Topics;
import com.livechat.contracts.json.EventJson;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;

/**
 * Writes the commands of agents and customers to Kafka, keyed so their order holds: conversation commands
 * (unmasked) to {@code livechat.inbound} by conversation id, agent commands to {@code livechat.routing.commands}
 * by agent id. Each returned {@link Uni} completes when the broker has acknowledged the record.
 */
@ApplicationScoped
public class CommandPublisher implements CommandBus {

    private final MutinyEmitter<ConversationCommand> inbound;
    private final MutinyEmitter<RoutingCommand> routing;

    public CommandPublisher(@Channel("inbound-commands") MutinyEmitter<ConversationCommand> inbound,
            @Channel("routing-commands") MutinyEmitter<RoutingCommand> routing) {
        this.inbound = inbound;
        this.routing = routing;
    }

    /**
     * Refuses ({@code 413}) a command larger than the masking service masks: produced anyway, it would be
     * dead-lettered there after the client was told it was accepted.
     */
    @Override
    public Uni<Void> send(ConversationCommand command) {
        int size = EventJson.write(command).getBytes(StandardCharsets.UTF_8).length;
        if (size > Topics.INBOUND_MAX_RECORD_BYTES) {
            return Uni.createFrom().failure(Refusal.tooLarge("This request makes a command of " + size
                    + " bytes; at most " + Topics.INBOUND_MAX_RECORD_BYTES + " are accepted. Send less data."));
        }
        return inbound.sendMessage(keyed(command, command.key())).onFailure().transform(CommandPublisher::refusal);
    }

    @Override
    public Uni<Void> send(RoutingCommand command) {
        return routing.sendMessage(keyed(command, command.key())).onFailure().transform(CommandPublisher::refusal);
    }

    /** A record the broker or the producer refuses for its size is the client's to shrink: 413, not a 500. */
    static Throwable refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException) {
                return Refusal.tooLarge("This request makes a command larger than the broker accepts. Send less data.");
            }
        }
        return failure;
    }

    private static <T> Message<T> keyed(T payload, String key) {
        return Message.of(payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
    }
}
