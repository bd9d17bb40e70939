package com.livechat.gateway.socket;

import com.livechat.contracts.events.LiveSignal;
import com.livechat.contracts.events.SenderType;
import com.livechat.gateway.messaging.TypingPublisher;
import com.livechat.gateway.projection.ConversationStore;
import com.livechat.gateway.projection.StateReading;
import com.livechat.gateway.socket.frame.ClientFrame;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;

/**
 * A client's {@code typing} frame: throttled per sender and conversation ({@link TypingThrottle}: at most one
 * "typing" every 2 s, a "stopped" only after a "typing"), then checked (an agent in the conversation, a customer whose
 * chat is still open) and written to {@code livechat.typing} for every gateway instance. Never answered: a throttled
 * signal, or one for a conversation the sender is not (or no longer) in, is dropped silently. Nothing is stored.
 */
@ApplicationScoped
public class TypingRelay {

    private static final String CUSTOMER = "customer";

    private final TypingThrottle throttle = new TypingThrottle();
    private final ConversationStore conversations;
    private final TypingPublisher publisher;
    private final Clock clock;

    public TypingRelay(ConversationStore conversations, TypingPublisher publisher, Clock clock) {
        this.conversations = conversations;
        this.publisher = publisher;
        this.clock = clock;
    }

    public Uni<Void> handle(ClientStream stream, ClientFrame.Typing frame) {
        Instant now = clock.instant();
        if (stream.audience() == ClientStream.Audience.AGENT) {
            String agentId = stream.agentId();
            String conversationId = frame.conversationId();
            if (!throttle.allow(agentId, conversationId, frame.typing(), now)) {
                return Uni.createFrom().voidItem();
            }
            return conversations.access(conversationId, agentId).chain(access -> access.isInConversation()
                    ? publisher.publish(new LiveSignal.Typing(conversationId, SenderType.AGENT, agentId, null,
                            frame.typing(), now))
                    : Uni.createFrom().voidItem());
        }
        String conversationId = stream.conversationId();
        if (frame.conversationId() != null && !frame.conversationId().equals(conversationId)) {
            return Uni.createFrom().voidItem();
        }
        if (!throttle.allow(CUSTOMER, conversationId, frame.typing(), now)) {
            return Uni.createFrom().voidItem();
        }
        return conversations.summary(conversationId).chain(summary -> {
            var state = summary.map(ConversationStore.Summary::state).orElse(null);
            return state == null || StateReading.isOpenForCustomer(state)
                    ? publisher.publish(new LiveSignal.Typing(conversationId, SenderType.CUSTOMER, null, null,
                            frame.typing(), now))
                    : Uni.createFrom().voidItem();
        });
    }
}
