package com.livechat.gateway.messaging;

import com.livechat.contracts.events.LiveSignal;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Writes typing signals to {@code livechat.typing}, keyed by conversation id, so that every gateway instance (the one
 * holding the other side's socket included) pushes them. Best effort: a signal the broker does not take is dropped
 * with a debug line; it is worth seconds and nobody waits for it.
 */
@ApplicationScoped
public class TypingPublisher {

    private static final Logger LOG = Logger.getLogger(TypingPublisher.class);

    private final MutinyEmitter<LiveSignal> typing;

    public TypingPublisher(@Channel("typing-out") MutinyEmitter<LiveSignal> typing) {
        this.typing = typing;
    }

    public Uni<Void> publish(LiveSignal.Typing signal) {
        return typing.sendMessage(Message.<LiveSignal>of(signal).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(signal.key()).build()))
                .onFailure().invoke(failure -> LOG.debugf("Typing signal of %s dropped: %s", signal.conversationId(),
                        failure.toString()))
                .onFailure().recoverWithNull();
    }
}
