package com.livechat.conversation.persistence;

import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.conversation.domain.Participation;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The stored {@link Participation}. */
@Entity(name = "Participation")
@Table(name = "participation")
public class ParticipationRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String conversationId;
    private String offerId;
    private String agentId;
    private String agentName;
    @Enumerated(EnumType.STRING)
    private OfferKind kind;
    private String invitedBy;
    @Enumerated(EnumType.STRING)
    private ParticipantState state;
    private Instant offeredAt;
    private Instant joinedAt;
    private Instant leftAt;
    private Instant updatedAt;
    private boolean supervisor;

    protected ParticipationRow() {
    }

    String conversationId() {
        return conversationId;
    }

    static ParticipationRow of(Participation participation) {
        ParticipationRow row = new ParticipationRow();
        row.conversationId = participation.conversationId();
        row.offerId = participation.offerId();
        row.kind = participation.kind();
        row.invitedBy = participation.invitedBy();
        row.offeredAt = participation.offeredAt();
        row.supervisor = participation.isSupervisor();
        row.copy(participation);
        return row;
    }

    /** Takes the values a decision can change. */
    void copy(Participation participation) {
        agentId = participation.agentId();
        agentName = participation.agentName();
        state = participation.state();
        joinedAt = participation.joinedAt();
        leftAt = participation.leftAt();
        updatedAt = participation.updatedAt();
    }

    Participation toParticipation() {
        return Participation.restore(id, conversationId, offerId, agentId, agentName, kind, invitedBy, state,
                offeredAt, joinedAt, leftAt, updatedAt, supervisor);
    }
}
