package com.livechat.conversation.domain;

import java.time.Instant;

/** An admin-defined canned response; {@code <parameter>} placeholders are filled from the conversation. */
public record MessageTemplate(String id, String name, String body, Instant updatedAt) {
}
