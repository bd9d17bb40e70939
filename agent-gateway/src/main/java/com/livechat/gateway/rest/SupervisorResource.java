package com.livechat.gateway.rest;

import com.livechat.gateway.auth.Roles;
import com.livechat.gateway.auth.TokenClaims;
import com.livechat.gateway.command.SupervisorCommands;
import com.livechat.gateway.rest.Views.Accepted;
import com.livechat.platform.validation.PlainText;
import com.livechat.gateway.projection.SupervisionStore;
import com.livechat.gateway.supervision.Overview;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.ResponseStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The supervisor console's figures, read once (the supervisor socket pushes the same, live). */
@Path("/api/supervisor")
@Tag(name = "Supervision")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class SupervisorResource {

    private final SupervisionStore supervision;
    private final SupervisorCommands commands;
    private final JsonWebToken jwt;

    public SupervisorResource(SupervisionStore supervision, SupervisorCommands commands, JsonWebToken jwt) {
        this.supervision = supervision;
        this.commands = commands;
        this.jwt = jwt;
    }

    @POST
    @Path("/conversations/{conversationId}/barge-in")
    @ResponseStatus(202)
    @Operation(summary = "Barge in: join a live conversation as a participant (the customer sees you joined); "
            + "audited. Then write with POST /api/conversations/{id}/messages, leave with POST /api/conversations/{id}/conference/end")
    public Uni<Accepted> bargeIn(@PathParam("conversationId") @PlainText String conversationId) {
        return commands.bargeIn(jwt.getName(), TokenClaims.displayName(jwt), conversationId).map(Accepted::new);
    }

    @POST
    @Path("/conversations/{conversationId}/take-over")
    @ResponseStatus(202)
    @Operation(summary = "Take over a live conversation: you become its agent, the other agents leave it and wrap "
            + "up; audited. End it with POST /api/conversations/{id}/end (a supervisor records no wrap-up)")
    public Uni<Accepted> takeOver(@PathParam("conversationId") @PlainText String conversationId) {
        return commands.takeOver(jwt.getName(), TokenClaims.displayName(jwt), conversationId).map(Accepted::new);
    }

    @GET
    @Path("/conversations")
    @Operation(summary = "The conversations that are not over, oldest first (at most limit): what a supervisor may "
            + "monitor, by a resume of its id on the /ws/agent socket")
    public Uni<List<SupervisionStore.LiveConversation>> conversations(
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(1000) int limit) {
        return supervision.liveConversations(limit);
    }

    @GET
    @Path("/overview")
    @Operation(summary = "Per-queue and per-agent figures of the day, and the chats waiting now")
    public Uni<Overview> overview() {
        return supervision.current();
    }
}
