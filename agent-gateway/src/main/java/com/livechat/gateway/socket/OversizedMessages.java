package com.livechat.gateway.socket;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

/**
 * A client message over the transport limit ({@code quarkus.websockets-next.server.max-message-size}) is merely bad
 * input: Vert.x refuses to aggregate it with an {@link IllegalStateException} ("Cannot process text frame of size
 * ..."), which websockets-next would log as an unhandled ERROR with a stack trace before closing with 1011. The
 * sockets' {@code @OnError} hand it here instead: one INFO line, and the socket closed with 1009 (message too big),
 * as documented. Any other failure is still logged as an error and closes the socket with 1011.
 */
final class OversizedMessages {

    static final CloseReason TOO_BIG = new CloseReason(1009, "Message too big.");

    private static final Logger LOG = Logger.getLogger(OversizedMessages.class);

    private OversizedMessages() {
    }

    /** Whether {@code failure} is Vert.x refusing a message over the configured maximum size. */
    static boolean isOversized(Throwable failure) {
        String message = failure.getMessage();
        return failure instanceof IllegalStateException && message != null
                && message.startsWith("Cannot process ") && message.contains(" frame of size ");
    }

    /** Closes the socket: 1009 for an oversized message (one INFO line), 1011 for anything else (an ERROR). */
    static Uni<Void> close(IllegalStateException failure, WebSocketConnection connection) {
        if (isOversized(failure)) {
            LOG.infof("Socket %s closed (1009): a client message over the size limit (%s)", connection.id(),
                    connection.handshakeRequest().path());
            return connection.close(TOO_BIG);
        }
        LOG.errorf(failure, "Socket %s failed", connection.id());
        return connection.close(CloseReason.INTERNAL_SERVER_ERROR);
    }
}
