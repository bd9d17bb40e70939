package com.livechat.conversation.domain;

import com.livechat.contracts.events.SenderType;

import java.time.Instant;

/**
 * How far one participant of a conversation has read it (read receipts): the customer ({@code agentId} null) or one
 * agent. {@code lastReadSeq} only moves forward.
 */
public record ReadPosition(String conversationId, SenderType readerType, String agentId, long lastReadSeq,
        Instant readAt) {

    /** The stored key of a reader: {@code customer}, or {@code agent:} and the agent's id. */
    public static String readerKey(SenderType readerType, String agentId) {
        return readerType == SenderType.AGENT ? "agent:" + agentId : "customer";
    }

    public String readerKey() {
        return readerKey(readerType, agentId);
    }
}
