package com.livechat.gateway.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/**
 * The customer chat moved from the hand-written {@code /chat.html} to the built app at {@code /chat/} (opened by
 * {@code /widget.js}); old links and bookmarks are sent there for good.
 */
@Path("/chat.html")
@Tag(name = "Customer")
public class CustomerChatPage {

    @GET
    @PermitAll
    @Operation(summary = "Former customer chat page: moved permanently to /chat/")
    public Response moved() {
        return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create("/chat/")).build();
    }
}
