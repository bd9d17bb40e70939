package com.livechat.gateway.rest;

import com.livechat.gateway.refusal.Refusal;
import com.livechat.gateway.refusal.Throttled;
import com.livechat.platform.problem.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one mapping of the gateway's refusals to problem+json answers (the socket's is {@code socket.ErrorFrames}). */
public class RefusalProblems {

    @ServerExceptionMapper
    public Response refusal(Refusal refusal) {
        Response.ResponseBuilder response = Response.status(refusal.kind().status()).type(Problem.MEDIA_TYPE)
                .entity(problem(refusal));
        if (refusal instanceof Throttled throttled) {
            response.header("Retry-After", throttled.retryAfterSeconds());
        }
        return response.build();
    }

    static Problem problem(Refusal refusal) {
        return Problem.of(refusal.kind().status(), title(refusal.kind()), refusal.detail(), refusal.code());
    }

    private static String title(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> "Bad Request";
            case UNAUTHENTICATED -> "Unauthorized";
            case FORBIDDEN -> "Forbidden";
            case NOT_FOUND -> "Not Found";
            case CONFLICT -> "Conflict";
            case TOO_LARGE -> "Content Too Large";
            case THROTTLED -> "Too Many Requests";
        };
    }
}
