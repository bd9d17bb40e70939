package com.livechat.gateway.domain;

import com.livechat.contracts.events.RejectionCode;
import com.livechat.platform.problem.ApiException;
import com.livechat.platform.validation.MessageRules;

/** The refusals the gateway answers at once, each a problem+json (REST) or an error frame (socket). */
public final class Failures {

    private Failures() {
    }

    /** Used for conversations the caller may not see as well as unknown ones, so nothing leaks. */
    public static ApiException conversationNotFound(String conversationId) {
        return ApiException.notFound("Conversation " + conversationId + " was not found.");
    }

    public static ApiException illegalState(String detail) {
        return ApiException.conflict(detail, RejectionCode.ILLEGAL_STATE.name());
    }

    public static ApiException invalidMessage(MessageRules.Violation violation) {
        return ApiException.badRequest(violation.reason(), violation.code().name());
    }

    public static ApiException unknown(RejectionCode code, String detail) {
        return new ApiException(404, "Not Found", detail, code.name());
    }

    public static ApiException badReference(RejectionCode code, String detail) {
        return ApiException.badRequest(detail, code.name());
    }

    /** The request would make a Kafka record larger than the services downstream accept. */
    public static ApiException tooLarge(String detail) {
        return new ApiException(413, "Content Too Large", detail, "PAYLOAD_TOO_LARGE");
    }
}
