package com.livechat.gateway.supervision;

import java.time.Instant;

/** A chat waiting in a queue now, for the console's live list. */
public record WaitingChat(String conversationId, String queueId, String queueName, String customerName,
        Instant enteredAt, long waitSeconds) {
}
