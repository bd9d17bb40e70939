package com.livechat.conversation.domain;

import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;

import java.time.Instant;

/**
 * One agent's part in one conversation, from the offer (or assignment) to wrap-up. A plain object: the persistence
 * adapter loads it from its row and writes its values back; {@link #id()} is the stored row's, null until stored.
 */
public final class Participation {

    private final Long id;
    private final String conversationId;
    private final String offerId;
    private final String agentId;
    private String agentName;
    private final OfferKind kind;
    private final String invitedBy;
    private ParticipantState state;
    private final Instant offeredAt;
    private Instant joinedAt;
    private Instant leftAt;
    private Instant updatedAt;
    private final boolean supervisor;

    /** A new participation, OFFERED at {@code now}. */
    public Participation(String conversationId, String offerId, String agentId, String agentName, OfferKind kind,
            String invitedBy, Instant now) {
        this(null, conversationId, offerId, agentId, agentName, kind, invitedBy, ParticipantState.OFFERED, now, null,
                null, now, false);
    }

    /**
     * A supervisor's new participation, joined at {@code now} without an offer (barge-in: {@code CONFERENCE} kind
     * and state, take-over: {@code TRANSFER} kind and {@code ACTIVE}). It needs no wrap-up and never keeps a chat
     * alive on its own.
     */
    public static Participation supervisorJoin(String conversationId, String supervisorId, String supervisorName,
            OfferKind kind, ParticipantState state, Instant now) {
        if (!ParticipationLifecycle.isInConversation(state)) {
            throw new IllegalArgumentException("A supervisor joins in a state of the conversation, not " + state);
        }
        return new Participation(null, conversationId, null, supervisorId, supervisorName, kind, supervisorId, state,
                now, now, null, now, true);
    }

    private Participation(Long id, String conversationId, String offerId, String agentId, String agentName,
            OfferKind kind, String invitedBy, ParticipantState state, Instant offeredAt, Instant joinedAt,
            Instant leftAt, Instant updatedAt, boolean supervisor) {
        this.id = id;
        this.supervisor = supervisor;
        this.conversationId = conversationId;
        this.offerId = offerId;
        this.agentId = agentId;
        this.agentName = agentName;
        this.kind = kind;
        this.invitedBy = invitedBy;
        this.state = state;
        this.offeredAt = offeredAt;
        this.joinedAt = joinedAt;
        this.leftAt = leftAt;
        this.updatedAt = updatedAt;
    }

    /** A participation as it was stored (for the persistence adapter). */
    public static Participation restore(Long id, String conversationId, String offerId, String agentId,
            String agentName, OfferKind kind, String invitedBy, ParticipantState state, Instant offeredAt,
            Instant joinedAt, Instant leftAt, Instant updatedAt) {
        return restore(id, conversationId, offerId, agentId, agentName, kind, invitedBy, state, offeredAt, joinedAt,
                leftAt, updatedAt, false);
    }

    /** A participation as it was stored, {@code supervisor} when a supervisor joined without an offer. */
    public static Participation restore(Long id, String conversationId, String offerId, String agentId,
            String agentName, OfferKind kind, String invitedBy, ParticipantState state, Instant offeredAt,
            Instant joinedAt, Instant leftAt, Instant updatedAt, boolean supervisor) {
        return new Participation(id, conversationId, offerId, agentId, agentName, kind, invitedBy, state, offeredAt,
                joinedAt, leftAt, updatedAt, supervisor);
    }

    /** A supervisor who barged in or took over: no offer, no wrap-up, never alone in a chat. */
    public boolean isSupervisor() {
        return supervisor;
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

    public Instant updatedAt() {
        return updatedAt;
    }
}
