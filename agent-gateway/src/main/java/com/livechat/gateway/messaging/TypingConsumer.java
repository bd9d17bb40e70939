package com.livechat.gateway.messaging;

import com.livechat.contracts.events.LiveSignal;
import com.livechat.contracts.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.time.Instant;

/**
 * Reads {@code livechat.typing} (every instance with its own group, from the latest offset) and hands each signal to
 * the sockets of this instance. Nothing is stored; a signal older than {@link Topics#TYPING_RETENTION} (a consumer
 * that lagged, a clock far off) or unreadable is dropped.
 */
@ApplicationScoped
public class TypingConsumer {

    private final TypingSignals sockets;
    private final Clock clock;

    public TypingConsumer(TypingSignals sockets, Clock clock) {
        this.sockets = sockets;
        this.clock = clock;
    }

    @Incoming("typing")
    public void consume(LiveSignal signal) {
        if (!(signal instanceof LiveSignal.Typing typing) || typing.conversationId() == null
                || typing.senderType() == null || typing.sentAt() == null) {
            return;
        }
        Instant oldest = clock.instant().minus(Topics.TYPING_RETENTION);
        if (typing.sentAt().isBefore(oldest)) {
            return;
        }
        sockets.typing(typing);
    }
}
