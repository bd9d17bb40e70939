package com.livechat.routing.api;

import com.livechat.routing.persistence.AdminDecisions;
import com.livechat.routing.persistence.IdleCodeRow;
import com.livechat.platform.problem.ApiException;
import com.livechat.platform.validation.PlainText;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Admin API of idle codes: the reasons an agent may give for being IDLE. */
@Path("/admin/idle-codes")
@RolesAllowed("admin")
public class IdleCodeAdminResource {

    private final AdminDecisions admin;

    public IdleCodeAdminResource(AdminDecisions admin) {
        this.admin = admin;
    }

    @PUT
    @Path("{code}")
    public Uni<IdleCodeView> put(@PathParam("code") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String code,
            @Valid @NotNull IdleCodeRequest request) {
        return admin.putIdleCode(code, request.label().trim()).map(IdleCodeView::of);
    }

    @GET
    @WithSession
    public Uni<List<IdleCodeView>> list() {
        return IdleCodeRow.<IdleCodeRow>list("order by label, code")
                .map(codes -> codes.stream().map(row -> IdleCodeView.of(row.toIdleCode())).toList());
    }

    @DELETE
    @Path("{code}")
    public Uni<Response> delete(@PathParam("code") @PlainText String code) {
        return admin.deleteIdleCode(code).map(deleted -> {
            if (!deleted) {
                throw ApiException.notFound("No idle code '" + code + "'.");
            }
            return Response.noContent().build();
        });
    }
}
