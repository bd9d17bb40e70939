package com.livechat.conversation.persistence;

import com.livechat.conversation.domain.WrapUpReason;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The stored {@link WrapUpReason} (written by {@link ReferenceDataStore}'s upsert). */
@Entity(name = "WrapUpReason")
@Table(name = "wrap_up_reason")
public class WrapUpReasonRow {

    @Id
    private String code;
    private String label;
    private Instant updatedAt;

    protected WrapUpReasonRow() {
    }

    WrapUpReason toReason() {
        return new WrapUpReason(code, label, updatedAt);
    }
}
