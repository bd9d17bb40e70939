package com.livechat.conversation.domain;

import java.time.Instant;

/**
 * Why an agent's part in a conversation ended: one per participation that went through wrap-up. The reason's label
 * is copied so the record still reads right after the reason is renamed or deleted.
 */
public record WrapUp(String conversationId, Long participationId, String agentId, String reasonCode,
        String reasonLabel, String note, Instant recordedAt) {

    public WrapUp(Participation participation, WrapUpReason reason, String note, Instant recordedAt) {
        this(participation.conversationId(), participation.id(), participation.agentId(), reason.code(),
                reason.label(), note, recordedAt);
    }
}
