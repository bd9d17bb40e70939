package com.livechat.conversation.domain;

import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.SenderType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One line of the transcript, numbered by the seq of the event that posted it. Text is masked. */
@Entity
@Table(name = "chat_message")
public class ChatMessage {

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

    protected ChatMessage() {
    }

    public ChatMessage(String conversationId, long seq, String messageId, SenderType senderType, String senderId,
            String senderName, Audience audience, String text, Instant postedAt) {
        this.conversationId = conversationId;
        this.seq = seq;
        this.messageId = messageId;
        this.senderType = senderType;
        this.senderId = senderId;
        this.senderName = senderName;
        this.audience = audience;
        this.text = text;
        this.postedAt = postedAt;
    }

    public String conversationId() {
        return conversationId;
    }

    public long seq() {
        return seq;
    }

    public String messageId() {
        return messageId;
    }

    public SenderType senderType() {
        return senderType;
    }

    public String senderId() {
        return senderId;
    }

    public String senderName() {
        return senderName;
    }

    public Audience audience() {
        return audience;
    }

    public String text() {
        return text;
    }

    public Instant postedAt() {
        return postedAt;
    }
}
