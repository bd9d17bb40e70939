package com.livechat.conversation.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An admin-defined canned response; {@code <parameter>} placeholders are filled from the conversation. */
@Entity
@Table(name = "message_template")
public class MessageTemplate {

    @Id
    private String id;
    private String name;
    private String body;
    private Instant updatedAt;

    protected MessageTemplate() {
    }

    public MessageTemplate(String id, String name, String body, Instant now) {
        this.id = id;
        this.name = name;
        this.body = body;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String body() {
        return body;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
