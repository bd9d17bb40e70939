package com.livechat.conversation.domain;

import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One agent's part in one conversation, from the offer (or assignment) to wrap-up. */
@Entity
@Table(name = "participation")
public class Participation {

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

    protected Participation() {
    }

    public Participation(String conversationId, String offerId, String agentId, String agentName, OfferKind kind,
            String invitedBy, Instant now) {
        this.conversationId = conversationId;
        this.offerId = offerId;
        this.agentId = agentId;
        this.agentName = agentName;
        this.kind = kind;
        this.invitedBy = invitedBy;
        this.state = ParticipantState.OFFERED;
        this.offeredAt = now;
        this.updatedAt = now;
    }

    /** Moves to {@code target} if the state machine allows it, else throws {@link IllegalTransitionException}. */
    public void moveTo(ParticipantState target, Instant now) {
        Transitions.check(state, target);
        if (ParticipationLifecycle.isInConversation(target) && joinedAt == null) {
            joinedAt = now;
        }
        if (ParticipationLifecycle.isInConversation(state) && !ParticipationLifecycle.isInConversation(target)) {
            leftAt = now;
        }
        state = target;
        updatedAt = now;
    }

    /** The agent's name as routing last reported it. */
    public void rename(String name) {
        if (name != null && !name.isBlank()) {
            this.agentName = name;
        }
    }

    public boolean isInConversation() {
        return ParticipationLifecycle.isInConversation(state);
    }

    /** Finished with this conversation: wrapped up, or never joined. */
    public boolean isSettled() {
        return state == ParticipantState.DONE || state == ParticipantState.WITHDRAWN;
    }

    public Long id() {
        return id;
    }

    public String conversationId() {
        return conversationId;
    }

    public String offerId() {
        return offerId;
    }

    public String agentId() {
        return agentId;
    }

    /** The name to show, falling back to the id when routing never gave one. */
    public String displayName() {
        return agentName == null || agentName.isBlank() ? agentId : agentName;
    }

    public String agentName() {
        return agentName;
    }

    public OfferKind kind() {
        return kind;
    }

    public String invitedBy() {
        return invitedBy;
    }

    public ParticipantState state() {
        return state;
    }

    public Instant offeredAt() {
        return offeredAt;
    }

    public Instant joinedAt() {
        return joinedAt;
    }

    public Instant leftAt() {
        return leftAt;
    }
}
