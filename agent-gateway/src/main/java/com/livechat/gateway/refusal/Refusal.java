package com.livechat.gateway.refusal;

import com.livechat.contracts.events.RejectionCode;
import com.livechat.platform.validation.MessageRules;


/**
 * The gateway saying no, for a reason the caller can act on: a {@link Kind}, a stable machine-readable {@code code}
 * (a {@link RejectionCode} or one of the gateway's own) and the detail to show. Commands, logins and the command
 * publisher throw it; {@code rest.RefusalProblems} turns it into problem+json and {@code socket.ErrorFrames} into an
 * {@code error} frame, each in that one place. Not an error of the gateway: never logged as one.
 */
public class Refusal extends RuntimeException {

    /** What kind of no it is; {@link #status} is the HTTP status REST answers with, and socket errors carry. */
    public enum Kind {
        INVALID(400),
        UNAUTHENTICATED(401),
        FORBIDDEN(403),
        NOT_FOUND(404),
        CONFLICT(409),
        TOO_LARGE(413),
        THROTTLED(429);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String code;

    public Refusal(Kind kind, String code, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public static Refusal invalid(String code, String detail) {
        return new Refusal(Kind.INVALID, code, detail);
    }

    /** Used for conversations the caller may not see as well as unknown ones, so nothing leaks. */
    public static Refusal conversationNotFound(String conversationId) {
        return notFound("Conversation " + conversationId + " was not found.");
    }

    public static Refusal notFound(String detail) {
        return new Refusal(Kind.NOT_FOUND, "NOT_FOUND", detail);
    }

    /** Something named in the request does not exist (a queue, an agent, a template). */
    public static Refusal unknown(RejectionCode code, String detail) {
        return new Refusal(Kind.NOT_FOUND, code.name(), detail);
    }

    /** A code a request names is not in the reference data (an idle code, a wrap-up reason). */
    public static Refusal badReference(RejectionCode code, String detail) {
        return invalid(code.name(), detail);
    }

    public static Refusal invalidMessage(MessageRules.Violation violation) {
        return invalid(violation.code().name(), violation.reason());
    }

    public static Refusal illegalState(String detail) {
        return conflict(RejectionCode.ILLEGAL_STATE.name(), detail);
    }

    public static Refusal conflict(String code, String detail) {
        return new Refusal(Kind.CONFLICT, code, detail);
    }

    public static Refusal forbidden(String detail) {
        return new Refusal(Kind.FORBIDDEN, "FORBIDDEN", detail);
    }

    /** The request would make a Kafka record larger than the services downstream accept. */
    public static Refusal tooLarge(String detail) {
        return new Refusal(Kind.TOO_LARGE, "PAYLOAD_TOO_LARGE", detail);
    }
}
