package com.livechat.routing.domain;

import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.WithdrawReason;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * One chat offered to one agent. While PENDING it holds one of the agent's slots and has an absolute expiry time;
 * once ACCEPTED it is the agent's active chat until released (wrap-up), and their participation until settled (DONE).
 */
@Entity
@Table(name = "offer")
public class Offer extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "conversation_id", nullable = false)
    public String conversationId;

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OfferKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OfferStatus status;

    @Column(name = "queue_id")
    public String queueId;

    @Column(name = "queue_name")
    public String queueName;

    @Column(name = "customer_name")
    public String customerName;

    @Column(nullable = false)
    public boolean proactive;

    @Column(name = "waiting_since", nullable = false)
    public Instant waitingSince;

    /** For a queue offer, when the chat entered its queue: kept if the chat goes back to it. */
    @Column(name = "entered_queue_at")
    public Instant enteredQueueAt;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "offered_at", nullable = false)
    public Instant offeredAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "withdraw_reason")
    public WithdrawReason withdrawReason;

    @Column(name = "released_at")
    public Instant releasedAt;

    /**
     * For an accepted offer: when the conversation service reported the agent's participation DONE or WITHDRAWN (or
     * the conversation CLOSED). Until then the agent may still owe a wrap-up, so the chat is not offered to them again.
     */
    @Column(name = "settled_at")
    public Instant settledAt;

    /** Per agent: {active chats, pending offers}; agents without either are absent. Needs a session. */
    public static Uni<Map<String, int[]>> loadOf(Collection<String> agentIds) {
        if (agentIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession().chain(session -> session
                .createSelectionQuery("select o.agentId, o.status, count(o) from Offer o where o.agentId in :agents"
                        + " and (o.status = :pending or (o.status = :accepted and o.releasedAt is null))"
                        + " group by o.agentId, o.status", Object[].class)
                .setParameter("agents", agentIds)
                .setParameter("pending", OfferStatus.PENDING)
                .setParameter("accepted", OfferStatus.ACCEPTED)
                .getResultList())
                .map(rows -> {
                    Map<String, int[]> load = new HashMap<>();
                    for (Object[] row : rows) {
                        int[] counts = load.computeIfAbsent((String) row[0], id -> new int[2]);
                        counts[row[1] == OfferStatus.ACCEPTED ? 0 : 1] = ((Number) row[2]).intValue();
                    }
                    return load;
                });
    }

    public void accept(Instant now) {
        status = status.transitionTo(OfferStatus.ACCEPTED);
        closedAt = now;
    }

    public void withdraw(WithdrawReason reason, Instant now) {
        status = status.transitionTo(OfferStatus.WITHDRAWN);
        withdrawReason = reason;
        closedAt = now;
    }

    /** The agent left the chat: it no longer counts toward their capacity. */
    public void release(Instant now) {
        if (status != OfferStatus.ACCEPTED || releasedAt != null) {
            throw new IllegalStateException("Only an accepted, unreleased offer can be released; offer " + id
                    + " is " + status + (releasedAt != null ? " and already released" : ""));
        }
        releasedAt = now;
    }

    /** The participation is over for good; it was released first (a settled participation holds no slot). */
    public void settle(Instant now) {
        if (status != OfferStatus.ACCEPTED || releasedAt == null || settledAt != null) {
            throw new IllegalStateException("Only an accepted, released, unsettled offer can be settled; offer " + id
                    + " is " + status + (releasedAt == null ? " and not released" : "")
                    + (settledAt != null ? " and already settled" : ""));
        }
        settledAt = now;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
