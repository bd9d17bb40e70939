package com.livechat.conversation.persistence;

import com.livechat.conversation.domain.WrapUp;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The stored {@link WrapUp}. */
@Entity(name = "WrapUp")
@Table(name = "wrap_up")
public class WrapUpRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String conversationId;
    private Long participationId;
    private String agentId;
    private String reasonCode;
    private String reasonLabel;
    private String note;
    private Instant recordedAt;

    protected WrapUpRow() {
    }

    static WrapUpRow of(WrapUp wrapUp) {
        WrapUpRow row = new WrapUpRow();
        row.conversationId = wrapUp.conversationId();
        row.participationId = wrapUp.participationId();
        row.agentId = wrapUp.agentId();
        row.reasonCode = wrapUp.reasonCode();
        row.reasonLabel = wrapUp.reasonLabel();
        row.note = wrapUp.note();
        row.recordedAt = wrapUp.recordedAt();
        return row;
    }

    WrapUp toWrapUp() {
        return new WrapUp(conversationId, participationId, agentId, reasonCode, reasonLabel, note, recordedAt);
    }
}
