package com.livechat.conversation.domain;

import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.SenderType;

import java.time.Instant;

/** One line of the transcript, numbered by the seq of the event that posted it. Text is masked. */
public record ChatMessage(String conversationId, long seq, String messageId, SenderType senderType, String senderId,
        String senderName, Audience audience, String text, Instant postedAt) {
}
