package com.livechat.gateway.socket.frame;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;

import java.util.Map;

/**
 * The frames both sockets carry: answers to client frames and errors. A {@code correlationId} (and an error's
 * {@code conversationId} and {@code status}) is left out when there is none.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public sealed interface SharedFrame extends AgentFrame, CustomerFrame permits SharedFrame.Error,
        SharedFrame.Pong, SharedFrame.Ack, SharedFrame.Resumed {

    /**
     * A refusal: of a bad client frame, of a {@code send} (with the {@code status} REST would answer), or of a
     * command by the service that owns it ({@code correlationId} is then the command's id).
     */
    @JsonTypeName("error")
    record Error(@JsonInclude(JsonInclude.Include.NON_NULL) String correlationId,
            @JsonInclude(JsonInclude.Include.NON_NULL) String conversationId, String code, String message,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer status) implements SharedFrame {

        public static Error of(String correlationId, String conversationId, String code, String message) {
            return new Error(correlationId, conversationId, code, message, null);
        }
    }

    @JsonTypeName("pong")
    record Pong(@JsonInclude(JsonInclude.Include.NON_NULL) String correlationId) implements SharedFrame {
    }

    /** A {@code send} accepted: handed to Kafka as the command {@code commandId}. */
    @JsonTypeName("ack")
    record Ack(String commandId, String conversationId, String clientMessageId,
            @JsonInclude(JsonInclude.Include.NON_NULL) String correlationId) implements SharedFrame {
    }

    /** A {@code resume} done: the seq the socket is now at, per conversation asked for. */
    @JsonTypeName("resumed")
    record Resumed(@JsonInclude(JsonInclude.Include.NON_NULL) String correlationId, Map<String, Long> lastSeq)
            implements SharedFrame {
    }
}
