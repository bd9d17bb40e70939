package com.livechat.gateway.command;

import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.RoutingCommand;
import io.smallrye.mutiny.Uni;

/**
 * Where accepted commands go (Kafka, {@code messaging.CommandPublisher}). Each {@link Uni} completes once the command
 * is durably handed over; a command too large to hand over fails with a {@code TOO_LARGE} refusal.
 */
public interface CommandBus {

    Uni<Void> send(ConversationCommand command);

    Uni<Void> send(RoutingCommand command);
}
