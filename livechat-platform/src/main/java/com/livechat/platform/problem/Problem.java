package com.livechat.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 7807 problem detail, the body of every error response of every service. {@code code} is a stable,
 * machine-readable reason (for example {@code RESERVED_CHARACTERS}); {@code errors} lists invalid fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail, String code) {
        return new Problem("about:blank", title, status, detail, code, null);
    }

    /** One invalid request field and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
