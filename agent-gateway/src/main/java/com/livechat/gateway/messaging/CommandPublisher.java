package com.livechat.gateway.messaging;

import com.livechat.shared.events.ConversationCommand;
import com.livechat.shared.events.RoutingCommand;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Writes the commands of agents and customers to Kafka, keyed so their order holds: conversation commands
 * (unmasked) to {@code livechat.inbound} by conversation id, agent commands to {@code livechat.routing.commands}
 * by agent id. Each returned {@link Uni} completes when the broker has acknowledged the record.
 */
@ApplicationScoped
public class CommandPublisher {

    private final MutinyEmitter<ConversationCommand> inbound;
    private final MutinyEmitter<RoutingCommand> routing;

    public CommandPublisher(@Channel("inbound-commands") MutinyEmitter<ConversationCommand> inbound,
            @Channel("routing-commands") MutinyEmitter<RoutingCommand> routing) {
        this.inbound = inbound;
        this.routing = routing;
    }

    public Uni<Void> send(ConversationCommand command) {
        return inbound.sendMessage(keyed(command, command.key()));
    }

    public Uni<Void> send(RoutingCommand command) {
        return routing.sendMessage(keyed(command, command.key()));
    }

    private static <T> Message<T> keyed(T payload, String key) {
        return Message.of(payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
    }
}
