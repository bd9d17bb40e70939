package com.livechat.gateway.invitation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A proactive chat invitation the website showed a visitor; a chat started with it is marked proactive. */
@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {

    @Id
    @Column(name = "invitation_id")
    public String invitationId;

    @Column(name = "queue_id")
    public String queueId;

    @Column(name = "page_url")
    public String pageUrl;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
