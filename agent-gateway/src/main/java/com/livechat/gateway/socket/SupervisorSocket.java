package com.livechat.gateway.socket;

import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

/**
 * The supervisor console's socket: the figures on connect, then updates ({@link SupervisorPush}). Read-only: a
 * frame from the client is answered with an error frame. {@link SocketUpgradeCheck} lets supervisors and
 * administrators in.
 */
@WebSocket(path = "/ws/supervisor", endpointId = SupervisorSocket.ENDPOINT_ID)
public class SupervisorSocket {

    static final String ENDPOINT_ID = "supervisor";

    private final SupervisorPush push;

    public SupervisorSocket(SupervisorPush push) {
        this.push = push;
    }

    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection connection) {
        return push.snapshot(connection);
    }

    @OnTextMessage
    public Uni<Void> onMessage(String text, WebSocketConnection connection) {
        return push.send(connection, SupervisorPush.readOnly());
    }

    /** A message over the transport limit: closed with 1009 and one INFO line ({@link OversizedMessages}). */
    @OnError
    public Uni<Void> onError(IllegalStateException failure, WebSocketConnection connection) {
        return OversizedMessages.close(failure, connection);
    }
}
