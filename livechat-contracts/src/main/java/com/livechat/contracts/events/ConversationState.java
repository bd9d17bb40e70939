package com.livechat.contracts.events;

/**
 * The lifecycle state of a conversation, as it travels on the wire. The conversation service owns the rules of
 * which state follows which ({@code ConversationLifecycle} there; documented in {@code docs/api/conversation.md}).
 */
public enum ConversationState {
    QUEUED,
    OFFERED,
    CONNECTED,
    CUSTOMER_ENDED,
    INTERRUPTED,
    ABANDONED,
    ENDED,
    CLOSED
}
