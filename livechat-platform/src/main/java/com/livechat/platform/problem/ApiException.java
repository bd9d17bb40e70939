package com.livechat.platform.problem;

/** A refusal the client can act on: becomes a problem+json response with this status, title, detail and code. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final String code;

    public ApiException(int status, String title, String detail, String code) {
        super(detail);
        this.status = status;
        this.title = title;
        this.code = code;
    }

    public static ApiException badRequest(String detail, String code) {
        return new ApiException(400, "Bad Request", detail, code);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "Not Found", detail, "NOT_FOUND");
    }

    public static ApiException conflict(String detail, String code) {
        return new ApiException(409, "Conflict", detail, code);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "Forbidden", detail, "FORBIDDEN");
    }

    public Problem toProblem() {
        return Problem.of(status, title, getMessage(), code);
    }

    public int status() {
        return status;
    }
}
