package com.livechat.gateway.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/**
 * The hand-written pages {@code /agent.html} and {@code /chat.html} became the built apps at {@code /agent/} and
 * {@code /chat/} (the latter opened by {@code /widget.js}); old links and bookmarks are sent there for good (the
 * browser keeps a {@code #fragment} across the redirect).
 */
@Path("/")
@Tag(name = "Pages")
public class MovedPages {

    @GET
    @Path("agent.html")
    @PermitAll
    @Operation(summary = "Former agent desktop page: moved permanently to /agent/")
    public Response agentDesktop() {
        return movedTo("/agent/");
    }

    @GET
    @Path("chat.html")
    @PermitAll
    @Operation(summary = "Former customer chat page: moved permanently to /chat/")
    public Response customerChat() {
        return movedTo("/chat/");
    }

    private static Response movedTo(String path) {
        return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create(path)).build();
    }
}
