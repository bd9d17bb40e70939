package com.livechat.platform.kafka;

import java.util.Map;
import java.util.Optional;

/**
 * Static membership of the consumer groups (Kafka's {@code group.instance.id}), decided without I/O: a consumer whose
 * instance of the service is named ({@code livechat.kafka.static-member-id}) gets the id
 * {@code <that name>.<its client.id>}, the same after every restart of that instance.
 * <p>
 * Why: a member that comes back under the same {@code group.instance.id} gets its partitions back at once, without a
 * rebalance. That is what a restarted service does after a crash, and what every consumer does when the broker comes
 * back after an outage (the coordinator has forgotten or fenced the old member ids: a dynamic member then waits for
 * the rebalance, which waits out the session of every member it still remembers). The price: a static member that
 * stops for good keeps its partitions until its session times out (6 s), as a crashed one does anyway.
 * <p>
 * Invariant: the id must differ between any two consumers of one group at the same time, or the broker fences the
 * older one (a fatal error for it). The client id is unique within a service process (one per channel and per
 * concurrent consumer of a channel), and the instance name must be unique among the instances of a service: it is
 * only used when an operator (or {@code ./livechat up}) names each instance; without it, membership stays dynamic.
 */
public final class StaticMembers {

    /** The configuration key naming this instance of the service; absent: dynamic membership. */
    public static final String INSTANCE_NAME = "livechat.kafka.static-member-id";
    static final String GROUP_ID = "group.id";
    static final String GROUP_INSTANCE_ID = "group.instance.id";
    static final String CLIENT_ID = "client.id";
    static final String VALUE_DESERIALIZER = "value.deserializer";
    /** What Kafka accepts in a {@code group.instance.id} (and its length limit). */
    private static final String LEGAL = "[^a-zA-Z0-9._-]";
    private static final int MAX_LENGTH = 249;

    private StaticMembers() {
    }

    /**
     * The {@code group.instance.id} of a client whose configuration is {@code config}, or empty: when no instance name
     * is given, when the client is not a consumer in a group (producers and admin clients are customised too), or
     * when its configuration already has one.
     */
    public static Optional<String> groupInstanceId(Optional<String> instanceName, Map<String, ?> config) {
        if (instanceName.filter(name -> !name.isBlank()).isEmpty() || config.get(GROUP_ID) == null
                || config.get(VALUE_DESERIALIZER) == null || config.get(CLIENT_ID) == null
                || config.containsKey(GROUP_INSTANCE_ID)) {
            return Optional.empty();
        }
        String id = (instanceName.get().trim() + "." + config.get(CLIENT_ID)).replaceAll(LEGAL, "_");
        return Optional.of(id.length() <= MAX_LENGTH ? id : id.substring(id.length() - MAX_LENGTH));
    }
}
