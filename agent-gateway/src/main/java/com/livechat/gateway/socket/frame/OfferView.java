package com.livechat.gateway.socket.frame;

import com.livechat.contracts.events.OfferKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An offer as the desktop shows it. {@code receivedAt} is when the chat arrived (the desktop's timer counts from
 * it) and {@code receivedDate} its UTC date; {@code thread} holds the {@code message} frames so far and
 * {@code lastSeq} the conversation's last seq when the view was built. {@code kind} and {@code requestedBy} say a
 * chat transferred to a queue is a transfer too; {@code requestedByName} is that agent's display name.
 */
public record OfferView(String offerId, String conversationId, OfferKind kind, String customerName,
        String queueId, String queueName, String agentId, String agentName, Instant receivedAt,
        LocalDate receivedDate, Instant offeredAt, Instant expiresAt, boolean proactive, String requestedBy,
        String requestedByName, long lastSeq, List<AgentFrame.Message> thread) {
}
