package com.livechat.gateway.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.livechat.gateway.config.GatewayConfig;
import com.livechat.gateway.domain.ConversationStore;
import com.livechat.gateway.domain.StateReading;
import com.livechat.gateway.domain.TokenBucket;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

/** The customer widget's socket for one conversation; {@link SocketUpgradeCheck} checks the token is for it. */
@WebSocket(path = "/ws/customer/{conversationId}", endpointId = CustomerSocket.ENDPOINT_ID)
public class CustomerSocket {

    static final String ENDPOINT_ID = "customer";

    private final GatewayConfig config;
    private final ConversationStore conversations;
    private final SocketRequests requests;

    public CustomerSocket(GatewayConfig config, ConversationStore conversations, SocketRequests requests) {
        this.config = config;
        this.conversations = conversations;
        this.requests = requests;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        String conversationId = connection.userData().get(SocketUpgradeCheck.CONVERSATION_ID);
        ClientStream stream = ClientStream.forCustomer(connection, conversationId, new TokenBucket(
                config.socket().rateLimitBurst(), config.socket().rateLimitPerSecond(), System::nanoTime));
        stream.open(() -> conversations.summary(conversationId).chain(summary -> {
            long lastSeq = summary.map(ConversationStore.Summary::lastSeq).orElse(0L);
            stream.tracker().startAt(conversationId, lastSeq);
            ObjectNode hello = Frames.frame("hello").put("conversationId", conversationId).put("lastSeq", lastSeq);
            summary.ifPresent(s -> {
                hello.put("state", s.state() == null ? null : s.state().name());
                if (s.queuePosition() != null && s.state() != null && StateReading.isWaitingForAgent(s.state())) {
                    hello.put("queuePosition", s.queuePosition());
                }
            });
            return stream.send(hello);
        }), config.socket().resumeWindow());
    }

    @OnTextMessage
    public Uni<Void> onMessage(String text, WebSocketConnection connection) {
        return requests.handle(connection.userData().get(ClientStream.KEY), text);
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        connection.userData().remove(ClientStream.KEY);
    }
}
