package com.livechat.routing.persistence;

import com.livechat.contracts.events.AgentState;
import com.livechat.routing.domain.Agent;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The stored {@link Agent}; the load (active chats, pending offers) is counted from the offers. */
@Entity(name = "Agent")
@Table(name = "agent")
public class AgentRow extends PanacheEntityBase {

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
    public static Uni<List<AgentRow>> search(String pattern) {
        return list("select distinct a from Agent a left join fetch a.queueIds"
                + " where lower(a.displayName) like ?1 escape '!' order by a.displayName, a.id", pattern);
    }

    public static Uni<AgentRow> findWithQueues(String id) {
        return AgentRow.<AgentRow>list("from Agent a left join fetch a.queueIds where a.id = ?1", id)
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    /** Agents who serve the queue, with their queues. */
    public static Uni<List<AgentRow>> serving(String queueId) {
        return list("select distinct a from Agent a left join fetch a.queueIds"
                + " where a.id in (select s.id from Agent s join s.queueIds q where q = ?1) order by a.displayName, a.id",
                queueId);
    }

    public Agent toAgent(int activeChats, int pendingOffers) {
        Agent agent = new Agent();
        agent.id = id;
        agent.displayName = displayName;
        agent.capacity = capacity;
        agent.state = state;
        agent.idleCode = idleCode;
        agent.stateSince = stateSince;
        agent.lastOfferedAt = lastOfferedAt;
        agent.queueIds = new HashSet<>(queueIds);
        agent.activeChats = activeChats;
        agent.pendingOffers = pendingOffers;
        return agent;
    }

    void copy(Agent agent) {
        id = agent.id;
        displayName = agent.displayName;
        capacity = agent.capacity;
        state = agent.state;
        idleCode = agent.idleCode;
        stateSince = agent.stateSince;
        lastOfferedAt = agent.lastOfferedAt;
        if (!queueIds.equals(agent.queueIds)) {
            queueIds.retainAll(agent.queueIds);
            queueIds.addAll(agent.queueIds);
        }
    }
}
