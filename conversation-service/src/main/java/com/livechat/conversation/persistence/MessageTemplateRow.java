package com.livechat.conversation.persistence;

import com.livechat.conversation.domain.MessageTemplate;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The stored {@link MessageTemplate} (written by {@link ReferenceDataStore}'s upsert). */
@Entity(name = "MessageTemplate")
@Table(name = "message_template")
public class MessageTemplateRow {

    @Id
    private String id;
    private String name;
    private String body;
    private Instant updatedAt;

    protected MessageTemplateRow() {
    }

    MessageTemplate toTemplate() {
        return new MessageTemplate(id, name, body, updatedAt);
    }
}
