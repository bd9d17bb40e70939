package com.livechat.routing.messaging;

import com.livechat.routing.domain.RoutingEngine;
import com.livechat.shared.events.RoutingCommand;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Agent commands from the gateway. A command is one decision; a redelivered one is recognised by its id. A record
 * that cannot be read is skipped (logged); see {@link InputProcessing} for failures.
 */
@ApplicationScoped
public class RoutingCommandConsumer {

    private static final Logger LOG = Logger.getLogger(RoutingCommandConsumer.class);

    private final RoutingEngine engine;
    private final InputProcessing processing;

    public RoutingCommandConsumer(RoutingEngine engine, InputProcessing processing) {
        this.engine = engine;
        this.processing = processing;
    }

    @Incoming("routing-commands")
    public Uni<Void> consume(RoutingCommand command) {
        if (command == null) {
            LOG.warn("Skipped an unreadable routing command");
            return Uni.createFrom().voidItem();
        }
        if (command.commandId() == null || command.agentId() == null) {
            LOG.warnf("Skipped a routing command without command id or agent id: %s", command);
            return Uni.createFrom().voidItem();
        }
        return processing.process(command, command.commandId(), () -> engine.handle(command));
    }
}
