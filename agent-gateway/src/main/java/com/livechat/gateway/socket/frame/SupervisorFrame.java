package com.livechat.gateway.socket.frame;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A frame of the supervisor console's socket ({@code /ws/supervisor}); schemas in
 * {@code contracts/schemas/socket/supervisor/}.
 */
public sealed interface SupervisorFrame extends ServerFrame permits SupervisorFrame.Overview {

    /**
     * Every figure of the console: sent on connect, then again (at most once per push interval) whenever an event
     * changed something.
     */
    @JsonTypeName("overview")
    record Overview(@JsonUnwrapped com.livechat.gateway.supervision.Overview overview) implements SupervisorFrame {
    }
}
