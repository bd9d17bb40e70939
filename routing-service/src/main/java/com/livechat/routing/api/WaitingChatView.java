package com.livechat.routing.api;

import java.time.Instant;

/**
 * A chat waiting in a queue, in FIFO order; chats with an offer open are not waiting. {@code leftMessage}: a message
 * the customer left, which the queue's maximum wait never ends.
 */
public record WaitingChatView(int position, String conversationId, String customerName, boolean proactive,
        Instant waitingSince, Instant enteredQueueAt, boolean leftMessage) {
}
