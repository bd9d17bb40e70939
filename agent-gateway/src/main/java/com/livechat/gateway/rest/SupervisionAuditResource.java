package com.livechat.gateway.rest;

import com.livechat.gateway.audit.SupervisionAudit;
import com.livechat.gateway.auth.Roles;
import com.livechat.platform.validation.PlainText;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The audit trail of supervision, for administrators. */
@Path("/api/admin/supervision-audit")
@Tag(name = "Administration")
@RolesAllowed(Roles.ADMIN)
public class SupervisionAuditResource {

    private final SupervisionAudit audit;

    public SupervisionAuditResource(SupervisionAudit audit) {
        this.audit = audit;
    }

    @GET
    @Operation(summary = "Who monitored which conversation and when, newest first (of one conversation if given)")
    public Uni<List<SupervisionAudit.Entry>> list(
            @QueryParam("conversationId") @Size(max = 100) @PlainText String conversationId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return audit.list(conversationId, limit);
    }
}
