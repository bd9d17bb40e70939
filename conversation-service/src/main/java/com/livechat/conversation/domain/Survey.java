package com.livechat.conversation.domain;

import java.time.Instant;

/** The customer's satisfaction survey of one conversation: at most one per conversation. {@code comment} is masked. */
public record Survey(String conversationId, String queueId, int rating, String comment, Instant submittedAt) {
}
