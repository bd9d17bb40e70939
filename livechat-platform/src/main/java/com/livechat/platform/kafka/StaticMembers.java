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
 * the rebalance, which waits out the session of every member it still remembers).
 * <p>
 * That holds only while the coordinator still knows the member: a static member gets a longer session time-out
 * ({@link #SESSION_TIMEOUT_MS}, 20 s; dynamic members keep the 6 s of the services' properties). With 6 s the
 * fault suite found (broker log, issue 17) that a gateway restarted 12 s after a kill -9 came back as a new member (its
 * old one had expired after 6 s: a rebalance of an empty group, partitions 2.6 s after it joined), and that after a
 * broker restart the coordinator, which loads each group with a fresh 6 s session per member, expired a consumer
 * that had not heartbeated yet, 6 s after the load: one more rebalance, the last one, 3.6 s. The price: a static
 * member that stops for good (a host lost; a scale-down, since a static member leaves no group when it closes) keeps
 * its partitions until its session times out, 20 s instead of 6 s before the other instance of routing or
 * conversation takes them over; a gateway's groups are its own, nobody takes them over. A crashed instance that is
 * restarted under its name within 20 s (the supervisor's job: {@code ./livechat up}, a container's restart policy)
 * gets its partitions back without any rebalance.
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
    static final String SESSION_TIMEOUT = "session.timeout.ms";
    /**
     * The session time-out of a static member: long enough for a crashed instance's restart (5-18 s measured on a
     * busy 2-core machine) and for the first heartbeat after a broker's restart; the broker allows 6 s to 30 min.
     */
    public static final int SESSION_TIMEOUT_MS = 20_000;
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

    /**
     * What static membership adds to a client's configuration: its {@code group.instance.id} and the static session
     * time-out ({@link #SESSION_TIMEOUT_MS}, never shorter than the configured one); nothing when the client stays as
     * it is ({@link #groupInstanceId}).
     */
    public static Map<String, Object> staticSettings(Optional<String> instanceName, Map<String, ?> config) {
        Optional<String> id = groupInstanceId(instanceName, config);
        if (id.isEmpty()) {
            return Map.of();
        }
        int configured = config.get(SESSION_TIMEOUT) == null ? 0
                : Integer.parseInt(config.get(SESSION_TIMEOUT).toString().trim());
        return Map.of(GROUP_INSTANCE_ID, id.get(), SESSION_TIMEOUT, Math.max(configured, SESSION_TIMEOUT_MS));
    }
}
