package com.livechat.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.livechat.platform.failure.Causes;
import com.livechat.platform.failure.FailureKind;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure of a REST call into problem+json: clear 4xx for bad input, a bare 500 (logged, never with a
 * stack trace in the body) for the rest.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        String detail = errors.stream().map(err -> err.field() + ": " + err.message())
                .collect(Collectors.joining("; "));
        return respond(new Problem("about:blank", "Invalid request", 400, detail, "VALIDATION_FAILED", errors));
    }

    /**
     * A body that is not JSON, or JSON of another shape than expected. The detail names the field when it is known,
     * never the parser's own message: that one names the server's classes and the parser's internals.
     */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        StreamReadException notJson = notJson(e);
        String detail;
        if (notJson != null) {
            detail = notValidJson(notJson);
        } else if (e instanceof JsonMappingException mapping) {
            detail = wrongShape(mapping);
        } else {
            detail = notValidJson(e);
        }
        return respond(Problem.of(400, "Malformed request body", detail, "MALFORMED_JSON"));
    }

    /**
     * The parser's own failure (truncated body, broken syntax), also when a deserializer wrapped it in a mapping
     * exception with the path of the nested object it was reading: the body is not JSON, whatever its shape.
     */
    private static StreamReadException notJson(JsonProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException parsing) {
                return parsing;
            }
        }
        return null;
    }

    private static String notValidJson(JsonProcessingException e) {
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            return "The request body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ").";
        }
        return "The request body is not valid JSON.";
    }

    private static String wrongShape(JsonMappingException mapping) {
        String field = path(mapping);
        Class<?> target = mapping instanceof MismatchedInputException mismatched ? mismatched.getTargetType() : null;
        if (field.isEmpty()) {
            return "The request body does not have the expected shape.";
        }
        if (target != null && target.isEnum()) {
            return "Field '" + field + "' has an invalid value; expected one of " + Arrays.stream(target.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name()).collect(Collectors.joining(", ")) + ".";
        }
        return "The request body does not have the expected shape at field '" + field + "'.";
    }

    /**
     * A field of the wrong type ({@code "pciEnabled": "sometimes"}). Declared for this exact type because Quarkus
     * REST brings its own, more specific mapper for it, which would answer with plain JSON instead of a problem.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        // Quarkus REST reports a body it could not parse as a bare 400 wrapping the parser's exception.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException unreadable) {
                return unreadableJson(unreadable);
            }
        }
        int status = e.getResponse().getStatus();
        // JAX-RS answers 404 to a query or path parameter it cannot convert ("?page=two"): the resource exists, the
        // request is what is wrong.
        if (status == 404 && e.getCause() instanceof IllegalArgumentException) {
            return respond(Problem.of(400, "Invalid parameter",
                    "A query or path parameter does not have the expected type.", "INVALID_PARAMETER"));
        }
        if (status >= 500) {
            LOG.error("Request failed", e);
            return respond(Problem.of(status, "Internal Server Error", "The request could not be completed.", "INTERNAL"));
        }
        Response.StatusType info = e.getResponse().getStatusInfo();
        return respond(Problem.of(status, info.getReasonPhrase(), e.getMessage(), info.toEnum() == null
                ? "HTTP_" + status : info.toEnum().name()));
    }

    /**
     * A failure of the surroundings ({@link FailureKind#INFRASTRUCTURE}: the database or the broker unreachable,
     * restarting or timing out) is {@code 503} with {@code Retry-After}, logged as one WARN line without a stack
     * trace; anything else is a {@code 500}, logged as an ERROR.
     */
    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (FailureKind.isInfrastructure(e)) {
            return unavailable(e);
        }
        LOG.error("Unexpected failure", e);
        return respond(Problem.of(500, "Internal Server Error", "The request could not be completed.", "INTERNAL"));
    }

    /** Seconds a client is told to wait when a dependency is down ({@code Retry-After}). */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static Response unavailable(Exception e) {
        String cause = Causes.first(e, failure -> FailureKind.isInfrastructure(failure) && failure.getCause() == null
                ? failure.getClass().getSimpleName() + ": " + failure.getMessage() : null).orElse(e.toString());
        LOG.warnf("Request failed because a dependency is unavailable (answered 503): %s", cause);
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(Problem.of(503, "Service Unavailable",
                        "The service cannot complete requests right now; try again in a few seconds.",
                        "SERVICE_UNAVAILABLE"))
                .build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        // "create.request.name" -> "name": the method and parameter names mean nothing to the client. For a map key
        // or a list element ("attributes[k].<map key>") it is the field that holds them: "attributes".
        String field = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER) {
                field = node.getName();
            }
        }
        if (field != null) {
            return field;
        }
        String path = violation.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
