package com.livechat.conversation.persistence;

import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.SenderType;
import com.livechat.conversation.domain.ChatMessage;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The stored {@link ChatMessage}. */
@Entity(name = "ChatMessage")
@Table(name = "chat_message")
public class ChatMessageRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String conversationId;
    private long seq;
    private String messageId;
    @Enumerated(EnumType.STRING)
    private SenderType senderType;
    private String senderId;
    private String senderName;
    @Enumerated(EnumType.STRING)
    private Audience audience;
    private String text;
    private Instant postedAt;

    protected ChatMessageRow() {
    }

    ChatMessage toMessage() {
        return new ChatMessage(conversationId, seq, messageId, senderType, senderId, senderName, audience, text,
                postedAt);
    }
}
