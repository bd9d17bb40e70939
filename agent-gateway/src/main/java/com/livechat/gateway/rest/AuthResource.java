package com.livechat.gateway.rest;

import com.livechat.gateway.auth.Logins;
import com.livechat.platform.validation.MaxUtf8Bytes;
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
            @NotBlank @Size(max = 200) @MaxUtf8Bytes(MaxUtf8Bytes.BCRYPT) @PlainText String password) {
    }

    public record LoginResponse(String token, Instant expiresAt, String agentId, String displayName, List<String> roles) {
    }

    private final Logins logins;

    public AuthResource(Logins logins) {
        this.logins = logins;
    }

    @POST
    @Path("/login")
    @PermitAll
    @Operation(summary = "Log in with an account's credentials; returns a bearer token")
    public Uni<LoginResponse> login(@Valid @NotNull LoginRequest request, @Context HttpServerRequest http) {
        String address = Clients.address(http);
        return logins.login(request.username(), request.password(), address).map(in -> new LoginResponse(
                in.token().token(), in.token().expiresAt(), in.account().agentId, in.account().displayName,
                in.account().roleList()));
    }
}
