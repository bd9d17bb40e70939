package com.livechat.gateway.socket.frame;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

import java.util.Map;

/**
 * A frame a client sends, on either socket, once {@code SocketRequests} has read and checked it. Optional fields
 * are null when the client left them out.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface ClientFrame permits ClientFrame.Ping, ClientFrame.Resume, ClientFrame.Send,
        ClientFrame.Typing, ClientFrame.Read {

    String correlationId();

    @JsonTypeName("ping")
    record Ping(String correlationId) implements ClientFrame {
    }

    /** Replay what was missed after each conversation's {@code lastSeq}. */
    @JsonTypeName("resume")
    record Resume(String correlationId, Map<String, Long> lastSeq) implements ClientFrame {
    }

    /** A message; {@code conversationId} may be left out on the customer socket. */
    @JsonTypeName("send")
    record Send(String correlationId, String conversationId, String clientMessageId, String text)
            implements ClientFrame {
    }

    /**
     * The sender started ({@code typing} true) or stopped typing; no text. {@code conversationId} may be left out on
     * the customer socket. Throttled, never answered: see {@code socket.TypingRelay}.
     */
    @JsonTypeName("typing")
    record Typing(String correlationId, String conversationId, boolean typing) implements ClientFrame {
    }

    /**
     * Read receipt: the sender has seen the conversation up to {@code seq}, the seq of the last message shown.
     * {@code conversationId} may be left out on the customer socket. Not acknowledged; see {@code socket.SocketRequests}.
     */
    @JsonTypeName("read")
    record Read(String correlationId, String conversationId, long seq) implements ClientFrame {
    }
}
