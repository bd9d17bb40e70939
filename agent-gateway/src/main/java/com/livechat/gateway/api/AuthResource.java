package com.livechat.gateway.api;

import com.livechat.gateway.domain.Account;
import com.livechat.gateway.domain.AccountRepository;
import com.livechat.gateway.domain.LoginThrottle;
import com.livechat.gateway.domain.TokenIssuer;
import com.livechat.platform.problem.ApiException;
import com.livechat.platform.validation.PlainText;
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

import java.time.Instant;
import java.util.List;

@Path("/api/auth")
@Tag(name = "Authentication")
public class AuthResource {

    public record LoginRequest(@NotBlank @Size(max = 200) @PlainText String username,
            @NotBlank @Size(max = 200) @PlainText String password) {
    }

    public record LoginResponse(String token, Instant expiresAt, String agentId, String displayName, List<String> roles) {
    }

    private final AccountRepository accounts;
    private final TokenIssuer tokens;
    private final LoginThrottle throttle;

    public AuthResource(AccountRepository accounts, TokenIssuer tokens, LoginThrottle throttle) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    @POST
    @Path("/login")
    @PermitAll
    @Operation(summary = "Log in with an account's credentials; returns a bearer token")
    public Uni<LoginResponse> login(@Valid @NotNull LoginRequest request, @Context HttpServerRequest http) {
        String username = request.username();
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        // The attempt counts as a failure from the start; only the right password takes it back.
        return throttle.begin(username, address)
                .chain(attempt -> accounts.authenticate(username, request.password()).chain(account -> account.isEmpty()
                        ? Uni.createFrom().<LoginResponse>failure(new ApiException(401, "Unauthorized",
                                "Unknown user or wrong password.", "BAD_CREDENTIALS"))
                        : throttle.succeeded(attempt).map(ignored -> respond(account.get()))));
    }

    private LoginResponse respond(Account found) {
        if (found.disabled) {
            throw new ApiException(403, "Forbidden", "This account is disabled.", "ACCOUNT_DISABLED");
        }
        TokenIssuer.IssuedToken token = tokens.forAccount(found);
        return new LoginResponse(token.token(), token.expiresAt(), found.agentId, found.displayName, found.roleList());
    }
}
