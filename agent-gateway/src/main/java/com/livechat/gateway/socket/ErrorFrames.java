package com.livechat.gateway.socket;

import com.livechat.contracts.events.RejectionCode;
import com.livechat.gateway.refusal.Refusal;
import com.livechat.gateway.socket.frame.SharedFrame;
import com.livechat.platform.failure.Causes;
import com.livechat.platform.failure.FailureKind;
import org.jboss.logging.Logger;

/**
 * The one mapping of refusals to {@code error} frames (REST's is {@code rest.RefusalProblems}): a refused
 * {@code send} carries the code, detail and HTTP status REST would answer; a command refused later by the service
 * that owns it carries its code and reason, with the command id as correlation id.
 */
final class ErrorFrames {

    private static final Logger LOG = Logger.getLogger(ErrorFrames.class);

    private ErrorFrames() {
    }

    /** A socket request that failed: a refusal as REST would answer it; anything else is the gateway's own error. */
    static SharedFrame.Error failed(String correlationId, String conversationId, Throwable failure) {
        if (failure instanceof Refusal refusal) {
            return new SharedFrame.Error(correlationId, conversationId, refusal.code(), refusal.detail(),
                    refusal.kind().status());
        }
        if (FailureKind.isInfrastructure(failure)) {
            // The broker or the database is down: as REST answers it (503, Retry-After), for the client to resend.
            LOG.warnf("Socket request refused while a dependency is unavailable: %s",
                    Causes.first(failure, cause -> cause.getCause() == null ? String.valueOf(cause) : null)
                            .orElse(String.valueOf(failure)));
            return new SharedFrame.Error(correlationId, conversationId, "SERVICE_UNAVAILABLE",
                    "A service is unavailable for a moment: send it again in a few seconds.", 503);
        }
        LOG.error("Socket request failed", failure);
        return SharedFrame.Error.of(correlationId, conversationId, "INTERNAL", "The request could not be completed.");
    }

    /** A conversation the socket may not see, or that does not exist: the same answer, so nothing leaks. */
    static SharedFrame.Error conversationNotFound(String correlationId, String conversationId) {
        Refusal notFound = Refusal.conversationNotFound(conversationId);
        return SharedFrame.Error.of(correlationId, conversationId, notFound.code(), notFound.detail());
    }

    /** A command refused by the service that owns it; {@code commandId} is the correlation id the client knows. */
    static SharedFrame.Error rejected(String commandId, String conversationId, RejectionCode code, String reason) {
        return SharedFrame.Error.of(commandId, conversationId, code == null ? "REJECTED" : code.name(), reason);
    }

    /** A client frame the socket cannot read or take: one of the socket's own codes. */
    static SharedFrame.Error badFrame(String correlationId, String conversationId, String code, String message) {
        return SharedFrame.Error.of(correlationId, conversationId, code, message);
    }
}
