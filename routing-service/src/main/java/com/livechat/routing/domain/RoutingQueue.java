package com.livechat.routing.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/** A queue chats wait in until an agent who serves it can take them. */
@Entity
@Table(name = "routing_queue")
public class RoutingQueue extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RoutingStrategy strategy;

    /** How long an agent has to accept an offer from this queue before RONA. */
    @Column(name = "rona_timeout_seconds", nullable = false)
    public int ronaTimeoutSeconds;

    /** Optional maximum time in this queue; a chat waiting longer leaves it ({@code QueueTimedOut}). */
    @Column(name = "max_wait_seconds")
    public Integer maxWaitSeconds;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public Duration ronaTimeout() {
        return Duration.ofSeconds(ronaTimeoutSeconds);
    }
}
