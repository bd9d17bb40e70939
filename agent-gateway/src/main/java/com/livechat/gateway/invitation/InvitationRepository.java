package com.livechat.gateway.invitation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** The proactive invitations: created for the website, checked when a chat starts with one. */
@ApplicationScoped
public class InvitationRepository implements PanacheRepositoryBase<Invitation, String> {

    private final Clock clock;

    public InvitationRepository(Clock clock) {
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Invitation> create(String queueId, String pageUrl, Duration lifetime) {
        Invitation invitation = new Invitation();
        invitation.invitationId = UUID.randomUUID().toString();
        invitation.queueId = queueId;
        invitation.pageUrl = pageUrl;
        invitation.createdAt = clock.instant();
        invitation.expiresAt = invitation.createdAt.plus(lifetime);
        return persist(invitation);
    }

    /** The invitation if it exists, is for {@code queueId} and has not expired. */
    @WithSession
    public Uni<Optional<Invitation>> findValid(String invitationId, String queueId) {
        return findById(invitationId).map(invitation -> Optional.ofNullable(invitation)
                .filter(found -> found.queueId.equals(queueId) && found.expiresAt.isAfter(clock.instant())));
    }
}
