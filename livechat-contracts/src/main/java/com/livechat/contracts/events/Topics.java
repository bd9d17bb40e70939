package com.livechat.contracts.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every Kafka topic of the system: its name, partition count and configuration. This list is the single source
 * the local stack and the test brokers create topics from, and it is what {@code docs/events.md} documents.
 */
public final class Topics {

    /** Raw commands from the gateway, before masking. Kept short because they may hold card numbers. */
    public static final String INBOUND = "livechat.inbound";
    /** Inbound records the masking service could not read or refused (oversized, malformed). */
    public static final String INBOUND_DEAD_LETTER = "livechat.inbound.dlq";
    /** Masked conversation commands, read by the conversation service. */
    public static final String CONVERSATION_COMMANDS = "livechat.conversation.commands";
    /** Everything that happens to a conversation, keyed by conversation id. */
    public static final String CONVERSATION_EVENTS = "livechat.conversation.events";
    /** Agent-issued routing commands (state changes, accept/decline), keyed by agent id. */
    public static final String ROUTING_COMMANDS = "livechat.routing.commands";
    /** Routing decisions (offers, RONA, assignments, queue positions, agent states). */
    public static final String ROUTING_EVENTS = "livechat.routing.events";
    /** Routing commands and conversation events the routing service could not process. */
    public static final String ROUTING_DEAD_LETTER = "livechat.routing.dlq";
    /** Latest version of each queue, agent, idle code, wrap-up reason and template (compacted). */
    public static final String REFERENCE_DATA = "livechat.reference-data";

    /**
     * Typing indicators ({@link LiveSignal}): ephemeral, read by every gateway instance from the latest offset, kept
     * only seconds. Never a transcript: nothing here is stored.
     */
    public static final String TYPING = "livechat.typing";

    /**
     * Largest serialised value of an {@link #INBOUND} record that the masking service masks (a larger one goes to the
     * dead-letter topic). The gateway refuses a bigger command before producing it, so nothing it accepted is lost.
     */
    public static final int INBOUND_MAX_RECORD_BYTES = 65_536;

    public static final Duration INBOUND_RETENTION = Duration.ofHours(1);
    public static final Duration EVENT_RETENTION = Duration.ofDays(7);
    /** A typing signal is worth seconds: readers also drop one older than this. */
    public static final Duration TYPING_RETENTION = Duration.ofSeconds(10);

    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(INBOUND, 6, Map.of("retention.ms", millis(INBOUND_RETENTION))),
            new TopicSpec(INBOUND_DEAD_LETTER, 1, Map.of("retention.ms", millis(INBOUND_RETENTION))),
            new TopicSpec(CONVERSATION_COMMANDS, 6, Map.of("retention.ms", millis(EVENT_RETENTION))),
            new TopicSpec(CONVERSATION_EVENTS, 6, Map.of("retention.ms", millis(EVENT_RETENTION))),
            new TopicSpec(ROUTING_COMMANDS, 6, Map.of("retention.ms", millis(EVENT_RETENTION))),
            new TopicSpec(ROUTING_EVENTS, 6, Map.of("retention.ms", millis(EVENT_RETENTION))),
            new TopicSpec(ROUTING_DEAD_LETTER, 1, Map.of("retention.ms", millis(EVENT_RETENTION))),
            new TopicSpec(REFERENCE_DATA, 1, Map.of("cleanup.policy", "compact")),
            new TopicSpec(TYPING, 6, Map.of("retention.ms", millis(TYPING_RETENTION))));

    private Topics() {
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }

    /** A topic as it must exist on the broker. */
    public record TopicSpec(String name, int partitions, Map<String, String> config) {
    }
}
