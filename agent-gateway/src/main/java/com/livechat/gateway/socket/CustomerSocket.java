package com.livechat.gateway.socket;

import com.livechat.gateway.config.GatewayConfig;
import com.livechat.gateway.projection.ConversationStore;
import com.livechat.gateway.projection.StateReading;
import com.livechat.gateway.socket.frame.CustomerFrame;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.util.Optional;

/** The customer widget's socket for one conversation; {@link SocketUpgradeCheck} checks the token is for it. */
@WebSocket(path = "/ws/customer/{conversationId}", endpointId = CustomerSocket.ENDPOINT_ID)
public class CustomerSocket {

    static final String ENDPOINT_ID = "customer";

    private final GatewayConfig config;
    private final ConversationStore conversations;
    private final SocketRequests requests;
    private final Clock clock;
    private final StreamIndex index;

    public CustomerSocket(GatewayConfig config, ConversationStore conversations, SocketRequests requests, Clock clock,
            StreamIndex index) {
        this.index = index;
        this.config = config;
        this.conversations = conversations;
        this.requests = requests;
        this.clock = clock;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        String conversationId = connection.userData().get(SocketUpgradeCheck.CONVERSATION_ID);
        ClientStream stream = ClientStream.forCustomer(connection, conversationId,
                TokenBucket.forSocket(config.socket(), clock));
        stream.open(() -> conversations.summary(conversationId).chain(summary -> {
            CustomerFrame.Hello hello = hello(conversationId, summary);
            stream.tracker().startAt(conversationId, hello.lastSeq());
            return stream.send(hello);
        }), config.socket().resumeWindow(), index);
    }

    /** The hello of a conversation, from its summary if the gateway has seen it. */
    static CustomerFrame.Hello hello(String conversationId, Optional<ConversationStore.Summary> summary) {
        long lastSeq = summary.map(ConversationStore.Summary::lastSeq).orElse(0L);
        if (summary.isEmpty()) {
            return new CustomerFrame.Hello(conversationId, lastSeq, null, null);
        }
        ConversationStore.Summary s = summary.get();
        boolean waiting = s.state() != null && StateReading.isWaitingForAgent(s.state());
        CustomerFrame.Notice notice = waiting && s.waitingNoticeSeconds() != null
                ? new CustomerFrame.Notice(s.waitingNoticeSeconds(), s.waitingNoticeText()) : null;
        return new CustomerFrame.Hello(conversationId, lastSeq, new CustomerFrame.KnownState(s.state()),
                waiting ? s.queuePosition() : null, s.agentReadSeq(), notice);
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
