package com.livechat.gateway.messaging;

import com.livechat.gateway.command.CommandBus;
import com.livechat.gateway.config.GatewayConfig;
import com.livechat.gateway.refusal.Refusal;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.RoutingCommand;
import com.livechat.contracts.events.Topics;
import com.livechat.contracts.json.EventJson;
import com.livechat.platform.failure.FailureKind;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Writes the commands of agents and customers to Kafka, keyed so their order holds: conversation commands
 * (unmasked) to {@code livechat.inbound} by conversation id, agent commands to {@code livechat.routing.commands}
 * by agent id. Each returned {@link Uni} completes when the broker has acknowledged the record. Once a send found the
 * broker unreachable, further commands are refused at once, unsent, until a probe goes through ({@link SendBreaker}:
 * the failure semantics are there).
 */
@ApplicationScoped
public class CommandPublisher implements CommandBus {

    private final MutinyEmitter<ConversationCommand> inbound;
    private final MutinyEmitter<RoutingCommand> routing;
    private final SendBreaker breaker;

    public CommandPublisher(@Channel("inbound-commands") MutinyEmitter<ConversationCommand> inbound,
            @Channel("routing-commands") MutinyEmitter<RoutingCommand> routing,
            GatewayConfig config) {
        this.inbound = inbound;
        this.routing = routing;
        GatewayConfig.Broker broker = config.broker();
        // A probe reports back within the producer's time-outs; past them, another command may probe.
        this.breaker = new SendBreaker(System::nanoTime, TimeUnit.MILLISECONDS.toNanos(broker.probeIntervalMs()),
                TimeUnit.MILLISECONDS.toNanos(broker.maxBlockMs() + broker.deliveryTimeoutMs() + 1000L),
                TimeUnit.MILLISECONDS.toNanos(broker.stallMs()));
    }

    /**
     * Refuses ({@code 413}) a command larger than the masking service masks: produced anyway, it would be
     * dead-lettered there after the client was told it was accepted.
     */
    @Override
    public Uni<Void> send(ConversationCommand command) {
        int size = EventJson.write(command).getBytes(StandardCharsets.UTF_8).length;
        if (size > Topics.INBOUND_MAX_RECORD_BYTES) {
            return Uni.createFrom().failure(Refusal.tooLarge("This request makes a command of " + size
                    + " bytes; at most " + Topics.INBOUND_MAX_RECORD_BYTES + " are accepted. Send less data."));
        }
        return guarded(() -> inbound.sendMessage(keyed(command, command.key())))
                .onFailure().transform(CommandPublisher::refusal);
    }

    @Override
    public Uni<Void> send(RoutingCommand command) {
        return guarded(() -> routing.sendMessage(keyed(command, command.key())))
                .onFailure().transform(CommandPublisher::refusal);
    }

    /** Sends through the breaker: refused at once while it is open, and every outcome tells it about the broker. */
    private Uni<Void> guarded(Supplier<Uni<Void>> send) {
        return guarded(breaker, send);
    }

    static Uni<Void> guarded(SendBreaker breaker, Supplier<Uni<Void>> send) {
        return Uni.createFrom().deferred(() -> {
            SendBreaker.Decision decision = breaker.tryAcquire();
            if (!decision.sends()) {
                return Uni.createFrom().failure(new BrokerUnavailable());
            }
            return send.get().onItemOrFailure().invoke((ignored, failure) -> {
                if (failure == null) {
                    breaker.succeeded();
                } else if (FailureKind.isInfrastructure(failure)) {
                    breaker.brokerUnreachable();
                } else {
                    breaker.failedOtherwise(decision == SendBreaker.Decision.PROBE);
                }
            });
        });
    }

    /** A record the broker or the producer refuses for its size is the client's to shrink: 413, not a 500. */
    static Throwable refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException) {
                return Refusal.tooLarge("This request makes a command larger than the broker accepts. Send less data.");
            }
        }
        return failure;
    }

    private static <T> Message<T> keyed(T payload, String key) {
        return Message.of(payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
    }
}
