package com.livechat.routing.domain;

import com.livechat.contracts.events.ReferenceData;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.Topics;
import com.livechat.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One routing decision in progress: its session (inside the locked transaction), its instant, and the events it
 * publishes. {@link #now()} is taken after the lock, so decisions that follow each other have ordered instants.
 */
public final class Decision {

    private final Mutiny.Session session;
    private final Instant now;
    private final List<Outbox.Entry> outgoing = new ArrayList<>();
    private final Map<String, Set<String>> loadChanges = new LinkedHashMap<>();

    Decision(Mutiny.Session session, Instant now) {
        this.session = session;
        this.now = now;
    }

    public Mutiny.Session session() {
        return session;
    }

    public Instant now() {
        return now;
    }

    public void publish(RoutingEvent event) {
        outgoing.add(new Outbox.Entry(Topics.ROUTING_EVENTS, event));
    }

    public void publish(ReferenceData data) {
        outgoing.add(new Outbox.Entry(Topics.REFERENCE_DATA, data));
    }

    /**
     * Notes that the agent's active chats changed, and why; published once per decision with the final count
     * ({@link AgentStates#publishLoadChanges}), so a poll of many accepts costs no query per accept.
     */
    public void loadChanged(String agentId, String reason) {
        loadChanges.computeIfAbsent(agentId, id -> new LinkedHashSet<>()).add(reason);
    }

    Map<String, Set<String>> loadChanges() {
        return loadChanges;
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Writes the events, in the order they were decided, to the outbox of this transaction. */
    Uni<Void> writeOutbox() {
        return Outbox.appendAll(session, outgoing);
    }

    boolean publishedAnything() {
        return !outgoing.isEmpty();
    }
}
