package com.livechat.gateway.api;

import com.livechat.gateway.domain.AccountRepository;
import com.livechat.gateway.domain.TokenIssuer;
import com.livechat.shared.problem.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

@Path("/api/auth")
@Tag(name = "Authentication")
public class AuthResource {

    public record LoginRequest(@NotBlank String username, @NotBlank String password) {
    }

    public record LoginResponse(String token, Instant expiresAt, String agentId, String displayName, List<String> roles) {
    }

    private final AccountRepository accounts;
    private final TokenIssuer tokens;

    public AuthResource(AccountRepository accounts, TokenIssuer tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @POST
    @Path("/login")
    @PermitAll
    @Operation(summary = "Log in with an account's credentials; returns a bearer token")
    public Uni<LoginResponse> login(@Valid @NotNull LoginRequest request) {
        return accounts.authenticate(request.username(), request.password()).map(account -> {
            var found = account.orElseThrow(() -> new ApiException(401, "Unauthorized",
                    "Unknown user or wrong password.", "BAD_CREDENTIALS"));
            TokenIssuer.IssuedToken token = tokens.forAccount(found);
            return new LoginResponse(token.token(), token.expiresAt(), found.agentId, found.displayName, found.roleList());
        });
    }
}
