package com.livechat.conversation.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An admin-defined reason an agent picks when wrapping up ("Resolved", "Call back later"...). */
@Entity
@Table(name = "wrap_up_reason")
public class WrapUpReason {

    @Id
    private String code;
    private String label;
    private Instant updatedAt;

    protected WrapUpReason() {
    }

    public WrapUpReason(String code, String label, Instant now) {
        this.code = code;
        this.label = label;
        this.updatedAt = now;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
