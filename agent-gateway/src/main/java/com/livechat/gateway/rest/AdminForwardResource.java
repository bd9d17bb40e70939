package com.livechat.gateway.rest;

import com.livechat.gateway.auth.Roles;
import com.livechat.gateway.config.AdminForwardingConfig;
import com.livechat.platform.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestPath;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Administration through the one door: {@code /api/admin/routing/**}, {@code /api/admin/conversation/**} and
 * {@code /api/admin/masking/**} go, with the caller's own token, to the owning service's {@code /admin/**} API. The
 * role {@code admin} is checked here (and the token's revocation, like every staff call) and again by the owner.
 * The owner's status, body (problem+json included) and content type come back unchanged; an owner that cannot be
 * reached gives 503 with Retry-After. The one documented exception to "services talk through Kafka only"
 * (docs/architecture.md): the browser's request passing through the gateway, not a service calling another.
 */
@Path("/api/admin/{owner: routing|conversation|masking}")
@Tag(name = "Administration")
@RolesAllowed(Roles.ADMIN)
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.WILDCARD)
public class AdminForwardResource {

    private static final Logger LOG = Logger.getLogger(AdminForwardResource.class);
    /** Answer headers worth passing back; hop-by-hop and the owner's own details stay behind. */
    private static final List<String> ANSWER_HEADERS = List.of("Content-Type", "Retry-After", "Cache-Control");

    private final AdminForwardingConfig config;
    private final HttpClient client;

    public AdminForwardResource(AdminForwardingConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @GET
    @Path("/{path: .+}")
    @Operation(summary = "Read from the owning service's admin API (routing, conversation or masking /admin/...)")
    public Uni<Response> get(@RestPath String owner, @PathParam("path") String path, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forward("GET", owner, uri, headers, null);
    }

    @PUT
    @Path("/{path: .+}")
    @Operation(summary = "Create or change through the owning service's admin API")
    public Uni<Response> put(@RestPath String owner, @PathParam("path") String path, @Context UriInfo uri,
            @Context HttpHeaders headers, byte[] body) {
        return forward("PUT", owner, uri, headers, body);
    }

    @POST
    @Path("/{path: .+}")
    @Operation(summary = "Act through the owning service's admin API")
    public Uni<Response> post(@RestPath String owner, @PathParam("path") String path, @Context UriInfo uri,
            @Context HttpHeaders headers, byte[] body) {
        return forward("POST", owner, uri, headers, body);
    }

    @DELETE
    @Path("/{path: .+}")
    @Operation(summary = "Delete through the owning service's admin API (a queue: its live chats are interrupted)")
    public Uni<Response> delete(@RestPath String owner, @PathParam("path") String path, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forward("DELETE", owner, uri, headers, null);
    }

    private Uni<Response> forward(String method, String owner, UriInfo uri, HttpHeaders headers, byte[] body) {
        String prefix = "/api/admin/" + owner + "/";
        String rawPath = uri.getRequestUri().getRawPath();
        if (!rawPath.startsWith(prefix) || escapes(rawPath.substring(prefix.length()))) {
            return Uni.createFrom().item(problem(404, "Not Found", "No such administration resource.", "NOT_FOUND")
                    .build());
        }
        String query = uri.getRequestUri().getRawQuery();
        URI target = base(owner).resolve("/admin/" + rawPath.substring(prefix.length())
                + (query == null ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(config.timeout())
                .header("Authorization", headers.getHeaderString(HttpHeaders.AUTHORIZATION))
                .header("Accept", MediaType.APPLICATION_JSON + ", application/problem+json");
        String language = headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        if (language != null) {
            request.header("Accept-Language", language);
        }
        if (body != null) {
            String type = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
            request.header("Content-Type", type == null ? MediaType.APPLICATION_JSON : type);
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return Uni.createFrom().completionStage(() -> client.sendAsync(request.build(),
                        HttpResponse.BodyHandlers.ofByteArray()))
                .map(AdminForwardResource::answer)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("The %s service did not answer %s %s: %s", owner, method, target.getPath(),
                            failure.toString());
                    return problem(503, "Service Unavailable", "The " + owner + " service cannot be reached; "
                            + "try again shortly.", "OWNER_UNAVAILABLE")
                            .header("Retry-After", config.retryAfterSeconds()).build();
                });
    }

    private static Response answer(HttpResponse<byte[]> owner) {
        Response.ResponseBuilder answer = Response.status(owner.statusCode());
        for (String name : ANSWER_HEADERS) {
            owner.headers().firstValue(name).ifPresent(value -> answer.header(name, value));
        }
        if (owner.statusCode() == 401) {
            answer.header("WWW-Authenticate", "Bearer");
        }
        byte[] body = owner.body();
        return (body == null || body.length == 0 ? answer : answer.entity(body)).build();
    }

    /** A path that, decoded, leaves the owner's {@code /admin/} tree ({@code ..}, an encoded slash...). */
    static boolean escapes(String rawRest) {
        if (rawRest.isEmpty() || rawRest.contains("\\") || rawRest.toLowerCase().contains("%2f")
                || rawRest.toLowerCase().contains("%5c")) {
            return true;
        }
        for (String segment : rawRest.split("/", -1)) {
            String decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            if (decoded.isEmpty() || decoded.equals(".") || decoded.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private URI base(String owner) {
        return switch (owner) {
            case "routing" -> config.routingUrl();
            case "conversation" -> config.conversationUrl();
            default -> config.maskingUrl();
        };
    }

    private static Response.ResponseBuilder problem(int status, String title, String detail, String code) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, title, detail, code));
    }
}
