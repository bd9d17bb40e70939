package com.livechat.masking.api;

import com.livechat.masking.policy.MaskingPolicyService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The admin setting: PCI and PII masking on or off, and who changed it when. */
@Path("/admin/masking-policy")
@RolesAllowed("admin")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MaskingPolicyResource {

    private final MaskingPolicyService policies;
    private final JsonWebToken jwt;

    public MaskingPolicyResource(MaskingPolicyService policies, JsonWebToken jwt) {
        this.policies = policies;
        this.jwt = jwt;
    }

    @GET
    public Uni<PolicyView> get() {
        return policies.stored().map(PolicyView::of);
    }

    /**
     * Takes effect at once on this instance and within the refresh delay on the others. The audit trail records the
     * administrator the token names, never a name the body claims.
     */
    @PUT
    public Uni<PolicyView> change(@Valid @NotNull PolicyChangeRequest request) {
        return policies.change(request.pciEnabled(), request.piiEnabled(), request.typeSwitches(), jwt.getName())
                .map(PolicyView::of);
    }

    @GET
    @Path("/audit")
    public Uni<PolicyAuditPage> audit(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return policies.history(page, size).map(PolicyAuditPage::of);
    }
}
