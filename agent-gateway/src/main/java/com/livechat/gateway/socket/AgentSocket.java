package com.livechat.gateway.socket;

import com.livechat.gateway.config.GatewayConfig;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

import java.time.Clock;

/** The agent desktop's socket: pushes offers, conversation frames and presence; {@link SocketUpgradeCheck} guards it. */
@WebSocket(path = "/ws/agent", endpointId = AgentSocket.ENDPOINT_ID)
public class AgentSocket {

    static final String ENDPOINT_ID = "agent";

    private final GatewayConfig config;
    private final AgentSnapshot snapshot;
    private final SocketRequests requests;
    private final Clock clock;
    private final StreamIndex index;

    public AgentSocket(GatewayConfig config, AgentSnapshot snapshot, SocketRequests requests, Clock clock,
            StreamIndex index) {
        this.index = index;
        this.config = config;
        this.snapshot = snapshot;
        this.requests = requests;
        this.clock = clock;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        String agentId = connection.userData().get(SocketUpgradeCheck.AGENT_ID);
        ClientStream stream = ClientStream.forAgent(connection, agentId, TokenBucket.forSocket(config.socket(), clock),
                Boolean.TRUE.equals(connection.userData().get(SocketUpgradeCheck.SUPERVISES)));
        stream.open(() -> snapshot.hello(stream, connection.userData().get(SocketUpgradeCheck.AGENT_NAME)),
                config.socket().resumeWindow(), index);
    }

    @OnTextMessage
    public Uni<Void> onMessage(String text, WebSocketConnection connection) {
        return requests.handle(connection.userData().get(ClientStream.KEY), text);
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        ClientStream.close(connection, index);
    }

    /** A message over the transport limit: closed with 1009 and one INFO line ({@link OversizedMessages}). */
    @OnError
    public Uni<Void> onError(IllegalStateException failure, WebSocketConnection connection) {
        return OversizedMessages.close(failure, connection);
    }
}
