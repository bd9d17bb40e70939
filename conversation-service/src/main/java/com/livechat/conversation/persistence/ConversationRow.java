package com.livechat.conversation.persistence;

import com.livechat.contracts.events.ConversationState;
import com.livechat.conversation.domain.Conversation;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The stored {@link Conversation}. */
@Entity(name = "Conversation")
@Table(name = "conversation")
public class ConversationRow {

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
    private Integer inactivityWarningSeconds;
    private Integer inactivityGraceSeconds;
    private Instant inactivityWarnAt;
    private Instant inactivityEndAt;
    private boolean inactivityWarned;
    private Instant erasedAt;
    private boolean leftMessage;

    String id() {
        return id;
    }

    protected ConversationRow() {
    }

    static ConversationRow of(Conversation conversation) {
        ConversationRow row = new ConversationRow();
        row.id = conversation.id();
        row.proactive = conversation.proactive();
        row.waitingSince = conversation.waitingSince();
        row.startedAt = conversation.startedAt();
        row.leftMessage = conversation.leftMessage();
        row.copy(conversation);
        return row;
    }

    /** Takes the values a decision can change. */
    void copy(Conversation conversation) {
        customerName = conversation.customerName();
        customerEmail = conversation.customerEmail();
        customerPhone = conversation.customerPhone();
        erasedAt = conversation.erasedAt();
        state = conversation.state();
        queueId = conversation.queueId();
        queueName = conversation.queueName();
        lastSeq = conversation.lastSeq();
        updatedAt = conversation.updatedAt();
        endedAt = conversation.endedAt();
        closedAt = conversation.closedAt();
        inactivityWarningSeconds = conversation.inactivityWarningSeconds();
        inactivityGraceSeconds = conversation.inactivityGraceSeconds();
        inactivityWarnAt = conversation.inactivityWarnAt();
        inactivityEndAt = conversation.inactivityEndAt();
        inactivityWarned = conversation.inactivityWarned();
    }

    Conversation toConversation() {
        Conversation conversation = Conversation.restore(id, state, queueId, queueName, customerName, customerEmail,
                customerPhone, proactive, waitingSince, lastSeq, startedAt, updatedAt, endedAt, closedAt);
        conversation.restoreInactivity(inactivityWarningSeconds, inactivityGraceSeconds, inactivityWarnAt,
                inactivityEndAt, inactivityWarned);
        conversation.restoreErasure(erasedAt);
        conversation.leftMessage(leftMessage);
        return conversation;
    }
}
