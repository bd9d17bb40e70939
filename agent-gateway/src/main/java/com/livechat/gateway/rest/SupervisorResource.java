package com.livechat.gateway.rest;

import com.livechat.gateway.auth.Roles;
import com.livechat.gateway.projection.SupervisionStore;
import com.livechat.gateway.supervision.Overview;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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

    public SupervisorResource(SupervisionStore supervision) {
        this.supervision = supervision;
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
