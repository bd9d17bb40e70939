package com.livechat.routing.messaging;

import com.livechat.contracts.events.RoutingCommand;
import com.livechat.routing.persistence.InputDecisions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Objects;

/**
 * Agent commands from the gateway, a poll at a time (see {@link InputProcessing}). A redelivered command is
 * recognised by its id; a record that cannot be read, or has no command or agent id, is skipped (logged).
 */
@ApplicationScoped
public class RoutingCommandConsumer {

    private static final Logger LOG = Logger.getLogger(RoutingCommandConsumer.class);

    private final InputDecisions decisions;
    private final InputProcessing processing;

    public RoutingCommandConsumer(InputDecisions decisions, InputProcessing processing) {
        this.decisions = decisions;
        this.processing = processing;
    }

    @Incoming("routing-commands")
    public Uni<Void> consume(List<RoutingCommand> batch) {
        List<RoutingCommand> commands = batch.stream().filter(Objects::nonNull)
                .filter(command -> command.commandId() != null && command.agentId() != null)
                .toList();
        if (commands.size() < batch.size()) {
            LOG.warnf("Skipped %d unreadable routing command(s), or without command id or agent id",
                    batch.size() - commands.size());
        }
        return commands.isEmpty() ? Uni.createFrom().voidItem() : processing.process(commands, decisions::decideCommands);
    }
}
