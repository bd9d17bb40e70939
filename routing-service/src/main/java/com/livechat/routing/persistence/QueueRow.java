package com.livechat.routing.persistence;

import com.livechat.contracts.events.BusinessHours;
import com.livechat.contracts.json.EventJson;
import com.livechat.routing.domain.RoutingQueue;
import com.livechat.routing.domain.RoutingStrategy;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The stored {@link RoutingQueue}. */
@Entity(name = "RoutingQueue")
@Table(name = "routing_queue")
public class QueueRow extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RoutingStrategy strategy;

    @Column(name = "rona_timeout_seconds", nullable = false)
    public int ronaTimeoutSeconds;

    @Column(name = "max_wait_seconds")
    public Integer maxWaitSeconds;

    @Column(name = "inactivity_warning_seconds")
    public Integer inactivityWarningSeconds;

    @Column(name = "inactivity_grace_seconds")
    public Integer inactivityGraceSeconds;

    @Column(name = "waiting_notice_seconds")
    public Integer waitingNoticeSeconds;

    @Column(name = "waiting_notice_text")
    public String waitingNoticeText;

    /** The business hours as JSON (the contract's {@code BusinessHours}); null: always open. */
    @Column(name = "business_hours")
    public String businessHours;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public RoutingQueue toQueue() {
        RoutingQueue queue = new RoutingQueue();
        queue.id = id;
        queue.name = name;
        queue.strategy = strategy;
        queue.ronaTimeoutSeconds = ronaTimeoutSeconds;
        queue.maxWaitSeconds = maxWaitSeconds;
        queue.inactivityWarningSeconds = inactivityWarningSeconds;
        queue.inactivityGraceSeconds = inactivityGraceSeconds;
        queue.waitingNoticeSeconds = waitingNoticeSeconds;
        queue.waitingNoticeText = waitingNoticeText;
        queue.businessHours = businessHours == null ? null : EventJson.read(businessHours, BusinessHours.class);
        queue.updatedAt = updatedAt;
        return queue;
    }

    void copy(RoutingQueue queue) {
        id = queue.id;
        name = queue.name;
        strategy = queue.strategy;
        ronaTimeoutSeconds = queue.ronaTimeoutSeconds;
        maxWaitSeconds = queue.maxWaitSeconds;
        inactivityWarningSeconds = queue.inactivityWarningSeconds;
        inactivityGraceSeconds = queue.inactivityGraceSeconds;
        waitingNoticeSeconds = queue.waitingNoticeSeconds;
        waitingNoticeText = queue.waitingNoticeText;
        businessHours = queue.businessHours == null ? null : EventJson.write(queue.businessHours);
        updatedAt = queue.updatedAt;
    }
}
