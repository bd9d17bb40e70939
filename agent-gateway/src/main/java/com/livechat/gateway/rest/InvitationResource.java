package com.livechat.gateway.rest;

import com.livechat.gateway.config.GatewayConfig;
import com.livechat.gateway.command.CustomerCommands;
import com.livechat.gateway.invitation.InvitationRepository;
import com.livechat.platform.validation.PlainText;
import com.livechat.gateway.limit.StartLimits;
import com.livechat.gateway.web.AllowedOrigins;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.time.Instant;

/** The website's proactive invitations: a chat started with one is marked proactive. */
@Path("/api/invitations")
@Tag(name = "Customer")
public class InvitationResource {

    public record InvitationRequest(@NotBlank @Size(max = 100) @PlainText String queueId,
            @Size(max = 2000) @PlainText String pageUrl) {
    }

    public record InvitationView(String invitationId, String queueId, Instant expiresAt) {
    }

    private final GatewayConfig config;
    private final CustomerCommands commands;
    private final InvitationRepository invitations;
    private final AllowedOrigins origins;
    private final StartLimits limits;

    public InvitationResource(GatewayConfig config, CustomerCommands commands, InvitationRepository invitations,
            AllowedOrigins origins, StartLimits limits) {
        this.config = config;
        this.commands = commands;
        this.invitations = invitations;
        this.origins = origins;
        this.limits = limits;
    }

    @POST
    @PermitAll
    @ResponseStatus(201)
    @Operation(summary = "Create a proactive chat invitation for a queue")
    public Uni<InvitationView> invite(@Valid @NotNull InvitationRequest request, @Context HttpServerRequest http) {
        limits.chargeInvitation(Clients.address(http), Clients.checkedSite(http, origins, request.pageUrl()));
        return commands.queueName(request.queueId())
                .chain(() -> invitations.create(request.queueId(), request.pageUrl(), config.invitationLifetime()))
                .map(invitation -> new InvitationView(invitation.invitationId, invitation.queueId, invitation.expiresAt));
    }
}
