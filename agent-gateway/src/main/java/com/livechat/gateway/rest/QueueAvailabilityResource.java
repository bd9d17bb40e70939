package com.livechat.gateway.rest;

import com.livechat.gateway.command.CustomerCommands;
import com.livechat.gateway.command.CustomerCommands.Availability;
import com.livechat.platform.validation.PlainText;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The customer widget asks, before offering a chat, whether the queue is open (business hours): when it is not, the
 * widget offers a message form instead. Public, like starting a chat: it tells nothing but the queue's hours.
 */
@Path("/api/queues")
@Tag(name = "Customer")
public class QueueAvailabilityResource {

    private final CustomerCommands commands;

    public QueueAvailabilityResource(CustomerCommands commands) {
        this.commands = commands;
    }

    @GET
    @Path("/{queueId}/availability")
    @PermitAll
    @Operation(summary = "Whether a queue is open now (business hours) and, when closed, its next opening")
    public Uni<Availability> availability(@PathParam("queueId") @PlainText String queueId) {
        return commands.availability(queueId);
    }
}
