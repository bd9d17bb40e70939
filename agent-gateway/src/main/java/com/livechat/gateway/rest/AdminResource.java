package com.livechat.gateway.rest;

import com.livechat.gateway.auth.AccountRepository;
import com.livechat.gateway.auth.Roles;
import com.livechat.gateway.refusal.Refusal;
import com.livechat.gateway.socket.RevokedSocketCloser;
import com.livechat.platform.validation.MaxUtf8Bytes;
import com.livechat.platform.validation.PlainText;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.List;

@Path("/api/admin/accounts")
@Tag(name = "Administration")
@RolesAllowed(Roles.ADMIN)
public class AdminResource {

    /** {@code disabled}: true disables the account (logins and existing tokens refused); omitted or false enables it. */
    public record AccountRequest(@NotBlank @Size(max = 200) @PlainText String displayName,
            @NotNull @Size(min = 8, max = 200) @MaxUtf8Bytes(MaxUtf8Bytes.BCRYPT) @PlainText String password,
            @NotEmpty List<@NotBlank @PlainText String> roles, Boolean disabled) {
    }

    public record AccountView(String agentId, String displayName, List<String> roles, boolean disabled) {
    }

    private final JsonWebToken jwt;
    private final AccountRepository accounts;
    private final RevokedSocketCloser socketCloser;

    public AdminResource(JsonWebToken jwt, AccountRepository accounts, RevokedSocketCloser socketCloser) {
        this.jwt = jwt;
        this.accounts = accounts;
        this.socketCloser = socketCloser;
    }

    @GET
    @Operation(summary = "Every account with its roles and whether it is disabled (never a password)")
    public Uni<List<AccountView>> list() {
        return accounts.all().map(all -> all.stream()
                .map(account -> new AccountView(account.agentId, account.displayName, account.roleList(),
                        account.disabled))
                .toList());
    }

    @PUT
    @Path("/{agentId}")
    @Operation(summary = "Create or replace an account (idempotent)")
    public Uni<AccountView> upsert(@PathParam("agentId") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String agentId,
            @Valid @NotNull AccountRequest request) {
        List<String> roles = request.roles().stream().map(String::strip).distinct().toList();
        roles.stream().filter(role -> !Roles.STAFF.contains(role)).findFirst().ifPresent(role -> {
            throw Refusal.invalid("UNKNOWN_ROLE", "Unknown role " + role + "; roles are agent, supervisor and admin.");
        });
        boolean disabled = Boolean.TRUE.equals(request.disabled());
        if (disabled) {
            refuseSelf(agentId);
        }
        return accounts.upsert(agentId, request.displayName(), request.password(), roles, disabled)
                .call(socketCloser::closeRevokedOrLog)
                .map(account -> new AccountView(account.agentId, account.displayName, account.roleList(), account.disabled));
    }

    @DELETE
    @Path("/{agentId}")
    @ResponseStatus(204)
    @Operation(summary = "Disable an account: its logins, tokens and socket upgrades are refused (a PUT enables it again)")
    public Uni<Void> disable(@PathParam("agentId") @PlainText String agentId) {
        refuseSelf(agentId);
        return accounts.disable(agentId).invoke(found -> {
            if (!found) {
                throw Refusal.notFound("Account " + agentId + " was not found.");
            }
        }).call(socketCloser::closeRevokedOrLog).replaceWithVoid();
    }

    /** An administrator who disabled their own account could lock every administrator out. */
    private void refuseSelf(String agentId) {
        if (agentId.equals(jwt.getName())) {
            throw Refusal.illegalState("You cannot disable your own account.");
        }
    }
}
