package com.livechat.routing.domain;

import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.WithdrawReason;

import java.time.Instant;

/**
 * One chat offered to one agent. While PENDING it holds one of the agent's slots and has an absolute expiry time;
 * once ACCEPTED it is the agent's active chat until released (wrap-up), and their participation until settled (DONE).
 */
public class Offer {

    public String id;
    public String conversationId;
    public String agentId;
    public OfferKind kind;
    public OfferStatus status;
    public String queueId;
    public String queueName;
    public String customerName;
    public boolean proactive;
    /** For a queue offer, whether the chat is a left message ({@link WaitingChat#leftMessage}): kept if it goes back. */
    public boolean leftMessage;
    public Instant waitingSince;
    /** For a queue offer, when the chat entered its queue: kept if the chat goes back to it. */
    public Instant enteredQueueAt;
    public String requestedBy;
    public Instant offeredAt;
    public Instant expiresAt;
    public Instant closedAt;
    public WithdrawReason withdrawReason;
    public Instant releasedAt;
    /**
     * For an accepted offer: when the conversation service reported the agent's participation DONE or WITHDRAWN (or
     * the conversation CLOSED). Until then the agent may still owe a wrap-up, so the chat is not offered to them again.
     */
    public Instant settledAt;

    /** A new PENDING offer of {@code draft} to {@code agentId}, open from {@code now} until {@code expiresAt}. */
    static Offer of(String id, String agentId, OfferDraft draft, Instant now, Instant expiresAt) {
        Offer offer = new Offer();
        offer.id = id;
        offer.conversationId = draft.conversationId();
        offer.agentId = agentId;
        offer.kind = draft.kind();
        offer.status = OfferStatus.PENDING;
        offer.queueId = draft.queueId();
        offer.queueName = draft.queueName();
        offer.customerName = draft.customerName();
        offer.proactive = draft.proactive();
        offer.leftMessage = draft.leftMessage();
        offer.waitingSince = draft.waitingSince();
        offer.enteredQueueAt = draft.enteredQueueAt();
        offer.requestedBy = draft.requestedBy();
        offer.offeredAt = now;
        offer.expiresAt = expiresAt;
        return offer;
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

    /** RONA: the deadline is absolute, reached when {@code now} is at or after it. */
    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** An accepted offer whose slot is not released yet: one of the agent's active chats. */
    public boolean isActiveChat() {
        return status == OfferStatus.ACCEPTED && releasedAt == null;
    }

    /** An accepted offer whose participation is not settled: the chat is not offered to that agent again. */
    public boolean isUnsettledParticipation() {
        return status == OfferStatus.ACCEPTED && settledAt == null;
    }
}
