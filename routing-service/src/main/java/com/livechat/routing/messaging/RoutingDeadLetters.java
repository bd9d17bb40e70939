package com.livechat.routing.messaging;

import com.livechat.contracts.events.LivechatRecord;
import com.livechat.platform.kafka.DeadLetters;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Parks an input that kept failing on {@code livechat.routing.dlq} ({@link DeadLetters}: same key, same JSON, the
 * failure in a {@code dead-letter-reason} header), so one bad record never stops its channel.
 */
@Singleton
public class RoutingDeadLetters extends DeadLetters {

    private static final Logger LOG = Logger.getLogger(RoutingDeadLetters.class);

    public RoutingDeadLetters(@Channel("dead-letters") MutinyEmitter<byte[]> emitter) {
        super(emitter);
    }

    public Uni<Void> park(LivechatRecord record, Throwable failure) {
        LOG.errorf(failure, "Parking %s %s on the dead-letter topic", record.getClass().getSimpleName(), record.key());
        return park(record, String.valueOf(failure));
    }
}
