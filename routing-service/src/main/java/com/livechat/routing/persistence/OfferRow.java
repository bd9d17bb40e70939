package com.livechat.routing.persistence;

import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.WithdrawReason;
import com.livechat.routing.domain.Offer;
import com.livechat.routing.domain.OfferStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** The stored {@link Offer}: every offer ever made (constraints in {@code V1__routing.sql}). */
@Entity(name = "Offer")
@Table(name = "offer")
public class OfferRow extends PanacheEntityBase {

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

    @Column(name = "left_message", nullable = false)
    public boolean leftMessage;

    @Column(name = "waiting_since", nullable = false)
    public Instant waitingSince;

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

    @Column(name = "settled_at")
    public Instant settledAt;

    /** Per agent: {active chats, pending offers}; agents without either are absent. Needs a session. */
    public static Uni<Map<String, int[]>> loadOf(Collection<String> agentIds) {
        return getSession().chain(session -> RoutingStore.loadOf(session, agentIds));
    }

    Offer toOffer() {
        Offer offer = new Offer();
        offer.id = id;
        offer.conversationId = conversationId;
        offer.agentId = agentId;
        offer.kind = kind;
        offer.status = status;
        offer.queueId = queueId;
        offer.queueName = queueName;
        offer.customerName = customerName;
        offer.proactive = proactive;
        offer.leftMessage = leftMessage;
        offer.waitingSince = waitingSince;
        offer.enteredQueueAt = enteredQueueAt;
        offer.requestedBy = requestedBy;
        offer.offeredAt = offeredAt;
        offer.expiresAt = expiresAt;
        offer.closedAt = closedAt;
        offer.withdrawReason = withdrawReason;
        offer.releasedAt = releasedAt;
        offer.settledAt = settledAt;
        return offer;
    }

    void copy(Offer offer) {
        id = offer.id;
        conversationId = offer.conversationId;
        agentId = offer.agentId;
        kind = offer.kind;
        status = offer.status;
        queueId = offer.queueId;
        queueName = offer.queueName;
        customerName = offer.customerName;
        proactive = offer.proactive;
        leftMessage = offer.leftMessage;
        waitingSince = offer.waitingSince;
        enteredQueueAt = offer.enteredQueueAt;
        requestedBy = offer.requestedBy;
        offeredAt = offer.offeredAt;
        expiresAt = offer.expiresAt;
        closedAt = offer.closedAt;
        withdrawReason = offer.withdrawReason;
        releasedAt = offer.releasedAt;
        settledAt = offer.settledAt;
    }
}
