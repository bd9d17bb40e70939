package com.livechat.gateway.command;

import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.RoutingCommand;
import io.smallrye.mutiny.Uni;

import java.util.UUID;

/**
 * Where accepted commands go (Kafka, {@code messaging.CommandPublisher}). Each {@link Uni} completes once the command
 * is durably handed over; a command too large to hand over fails with a {@code TOO_LARGE} refusal.
 */
public interface CommandBus {

    Uni<Void> send(ConversationCommand command);

    Uni<Void> send(RoutingCommand command);

    /** Sends the command and answers its id once handed over: the correlation id a later refusal carries. */
    default Uni<String> sendReturningId(ConversationCommand command) {
        return send(command).replaceWith(command.commandId());
    }

    /** As {@link #sendReturningId(ConversationCommand)}, for routing. */
    default Uni<String> sendReturningId(RoutingCommand command) {
        return send(command).replaceWith(command.commandId());
    }

    /**
     * The id of a new command. Unique for every command the gateway sends: the owning service's inbox tells a
     * redelivery from a new command by it, and the client matches a refusal to its request by it.
     */
    static String newCommandId() {
        return UUID.randomUUID().toString();
    }
}
