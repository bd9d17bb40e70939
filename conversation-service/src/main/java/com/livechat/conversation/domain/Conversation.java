package com.livechat.conversation.domain;

import com.livechat.contracts.events.ConversationState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A chat between one customer and the agents who take part in it; the root every change goes through. */
@Entity
@Table(name = "conversation")
public class Conversation {

    @Id
    private String id;
    @Enumerated(EnumType.STRING)
    private ConversationState state;
    private String queueId;
    private String queueName;
    private String customerName;
    private String customerEmail;
    private String customerPhone;
    private boolean proactive;
    private Instant waitingSince;
    private long lastSeq;
    private Instant startedAt;
    private Instant updatedAt;
    private Instant endedAt;
    private Instant closedAt;

    protected Conversation() {
    }

    public Conversation(String id, String queueId, String queueName, String customerName, String customerEmail,
            String customerPhone, boolean proactive, Instant now) {
        this.id = id;
        this.state = ConversationState.QUEUED;
        this.queueId = queueId;
        this.queueName = queueName;
        this.customerName = customerName;
        this.customerEmail = customerEmail;
        this.customerPhone = customerPhone;
        this.proactive = proactive;
        this.waitingSince = now;
        this.startedAt = now;
        this.updatedAt = now;
    }

    /** Moves to {@code target} if the state machine allows it, else throws {@link IllegalTransitionException}. */
    public void moveTo(ConversationState target, Instant now) {
        Transitions.check(state, target);
        state = target;
        updatedAt = now;
        if (target == ConversationState.ENDED || target == ConversationState.ABANDONED) {
            endedAt = now;
        } else if (target == ConversationState.CLOSED) {
            closedAt = now;
        }
    }

    /** The next number of this conversation's event sequence (1, 2, 3... without gaps). */
    public long nextSeq() {
        return ++lastSeq;
    }

    /** The chat now waits in another queue (transfer to a queue); its original waiting time is kept. */
    public void changeQueue(String newQueueId, String newQueueName) {
        this.queueId = newQueueId;
        this.queueName = newQueueName;
    }

    public String id() {
        return id;
    }

    public ConversationState state() {
        return state;
    }

    public String queueId() {
        return queueId;
    }

    public String queueName() {
        return queueName;
    }

    public String customerName() {
        return customerName;
    }

    public String customerEmail() {
        return customerEmail;
    }

    public String customerPhone() {
        return customerPhone;
    }

    public boolean proactive() {
        return proactive;
    }

    public Instant waitingSince() {
        return waitingSince;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }
}
