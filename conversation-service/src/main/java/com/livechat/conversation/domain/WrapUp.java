package com.livechat.conversation.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Why an agent's part in a conversation ended: one per participation that went through wrap-up. */
@Entity
@Table(name = "wrap_up")
public class WrapUp {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String conversationId;
    private Long participationId;
    private String agentId;
    private String reasonCode;
    // Copied so the record still reads right after the reason is renamed or deleted.
    private String reasonLabel;
    private String note;
    private Instant recordedAt;

    protected WrapUp() {
    }

    public WrapUp(Participation participation, WrapUpReason reason, String note, Instant recordedAt) {
        this.conversationId = participation.conversationId();
        this.participationId = participation.id();
        this.agentId = participation.agentId();
        this.reasonCode = reason.code();
        this.reasonLabel = reason.label();
        this.note = note;
        this.recordedAt = recordedAt;
    }

    public Long participationId() {
        return participationId;
    }

    public String agentId() {
        return agentId;
    }

    public String reasonCode() {
        return reasonCode;
    }

    public String reasonLabel() {
        return reasonLabel;
    }

    public String note() {
        return note;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
