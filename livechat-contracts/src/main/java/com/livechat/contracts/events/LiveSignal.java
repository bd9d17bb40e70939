package com.livechat.contracts.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/**
 * Ephemeral signals between the sockets of every gateway instance, on {@link Topics#TYPING} (retention of seconds),
 * keyed by conversation id. Never stored, never part of a transcript, no {@code seq}: a signal that arrives late or
 * not at all changes nothing but what a screen shows for a few seconds.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LiveSignal.Typing.class, name = "Typing")
})
public sealed interface LiveSignal extends LivechatRecord {

    String conversationId();

    @Override
    default String key() {
        return conversationId();
    }

    /**
     * The customer or an agent started ({@code typing} true) or stopped typing in a conversation; no text.
     * {@code agentId} is null for the customer; {@code senderName} is the agent's display name (null for the customer).
     */
    record Typing(String conversationId, SenderType senderType, String agentId, String senderName, boolean typing,
            Instant sentAt) implements LiveSignal {
    }
}
