package com.livechat.gateway.rest;

import com.livechat.gateway.socket.frame.PresenceView;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.ParticipantState;

import java.time.Instant;
import java.util.List;

/** The REST response bodies of the gateway's own (those shared with the socket frames are in {@code socket.frame}). */
public final class Views {

    private Views() {
    }

    public record MeView(String agentId, String displayName, List<String> roles, PresenceView presence) {
    }

    public record ParticipantView(String agentId, String agentName, ParticipantState state) {
    }

    /**
     * One conversation in detail, for an agent who may see it; {@code customerReadSeq}: how far the customer has read
     * it (read receipts, 0 before the first).
     */
    public record ConversationDetail(String conversationId, ConversationState state, String customerName,
            String queueId, String queueName, boolean proactive, Instant startedAt, long lastSeq,
            ParticipantState myParticipantState, boolean offerPending, List<ParticipantView> participants,
            long customerReadSeq) {
    }

    /** A command the gateway accepted and handed to Kafka (202). */
    public record Accepted(String commandId) {
    }

    /** A message command accepted (202): the command id and the client's own message id. */
    public record MessageAccepted(String commandId, String clientMessageId) {
    }

    public record Page<T>(int page, int size, long total, List<T> items) {
    }
}
