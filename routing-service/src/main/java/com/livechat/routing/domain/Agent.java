package com.livechat.routing.domain;

import com.livechat.contracts.events.AgentState;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;
import java.util.HashSet;
import java.util.Set;

/**
 * A contact-center agent as routing sees them: the queues they serve, how many chats they may hold at once, and
 * their state. Being busy is not a state: it follows from their active chats.
 */
@Entity
@Table(name = "agent")
public class Agent extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(nullable = false)
    public int capacity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgentState state;

    @Column(name = "idle_code")
    public String idleCode;

    @Column(name = "state_since", nullable = false)
    public Instant stateSince;

    @Column(name = "last_offered_at")
    public Instant lastOfferedAt;

    /** Lazy: load it with {@code join fetch a.queueIds} wherever it is read. */
    @ElementCollection
    @CollectionTable(name = "agent_queue", joinColumns = @JoinColumn(name = "agent_id"))
    @Column(name = "queue_id")
    public Set<String> queueIds = new HashSet<>();

    /** Agents whose display name contains {@code pattern} (a lower-case {@code Like} pattern), with their queues. */
    public static Uni<List<Agent>> search(String pattern) {
        return list("select distinct a from Agent a left join fetch a.queueIds"
                + " where lower(a.displayName) like ?1 escape '!' order by a.displayName, a.id", pattern);
    }

    public static Uni<Agent> findWithQueues(String id) {
        return Agent.<Agent>list("from Agent a left join fetch a.queueIds where a.id = ?1", id)
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    /** Agents who serve the queue, with their queues. */
    public static Uni<List<Agent>> serving(String queueId) {
        return list("select distinct a from Agent a left join fetch a.queueIds"
                + " where a.id in (select s.id from Agent s join s.queueIds q where q = ?1) order by a.displayName, a.id",
                queueId);
    }

    /**
     * Since when the agent has been ready for a chat: the later of entering their state and their last offer. The
     * longest-available-agent strategy prefers the smallest value.
     */
    public static Instant readySince(Instant stateSince, Instant lastOfferedAt) {
        return lastOfferedAt != null && lastOfferedAt.isAfter(stateSince) ? lastOfferedAt : stateSince;
    }

    /** Moves to {@code target}; the caller has checked the move (see {@link AgentStateRules}). */
    public void enter(AgentState target, String newIdleCode, Instant now) {
        if (!AgentStateRules.canTransition(state, target)) {
            throw new IllegalStateException("Agent " + id + " cannot go from " + state + " to " + target);
        }
        state = target;
        idleCode = target == AgentState.IDLE ? newIdleCode : null;
        stateSince = now;
    }
}
