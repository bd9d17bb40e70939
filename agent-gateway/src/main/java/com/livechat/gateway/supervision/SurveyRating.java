package com.livechat.gateway.supervision;

import java.time.Instant;

/** A customer's satisfaction survey of a chat (1 to 5), counted for the queue the chat was last in. */
public record SurveyRating(String conversationId, String queueId, String queueName, int rating,
        Instant submittedAt) {
}
