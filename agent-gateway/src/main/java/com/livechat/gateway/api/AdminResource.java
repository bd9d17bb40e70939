package com.livechat.gateway.api;

import com.livechat.gateway.domain.AccountRepository;
import com.livechat.gateway.domain.Roles;
import com.livechat.shared.problem.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/admin/accounts")
@Tag(name = "Administration")
@RolesAllowed(Roles.ADMIN)
public class AdminResource {

    public record AccountRequest(@NotBlank @Size(max = 200) String displayName,
            @NotNull @Size(min = 8, max = 200) String password,
            @NotEmpty List<@NotBlank String> roles) {
    }

    public record AccountView(String agentId, String displayName, List<String> roles) {
    }

    private final AccountRepository accounts;

    public AdminResource(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @PUT
    @Path("/{agentId}")
    @Operation(summary = "Create or replace an account (idempotent)")
    public Uni<AccountView> upsert(@PathParam("agentId") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String agentId,
            @Valid @NotNull AccountRequest request) {
        List<String> roles = request.roles().stream().map(String::strip).distinct().toList();
        roles.stream().filter(role -> !Roles.STAFF.contains(role)).findFirst().ifPresent(role -> {
            throw ApiException.badRequest("Unknown role " + role + "; roles are agent, supervisor and admin.", "UNKNOWN_ROLE");
        });
        return accounts.upsert(agentId, request.displayName(), request.password(), roles)
                .map(account -> new AccountView(account.agentId, account.displayName, account.roleList()));
    }
}
