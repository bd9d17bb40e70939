package com.livechat.conversation.persistence;

import com.livechat.contracts.events.SenderType;
import com.livechat.conversation.domain.ChatMessage;

/**
 * What identifies a posted message for resend detection: the key of {@code chat_message}'s unique index. Another
 * sender may use the same client message id; {@code senderId} is empty (never null) for the customer, as in the index
 * ({@code coalesce(sender_id, '')}).
 */
public record StoredMessageKey(String conversationId, SenderType senderType, String senderId, String messageId) {

    public StoredMessageKey {
        senderId = senderId == null ? "" : senderId;
    }

    public static StoredMessageKey of(ChatMessage message) {
        return new StoredMessageKey(message.conversationId(), message.senderType(), message.senderId(),
                message.messageId());
    }
}
