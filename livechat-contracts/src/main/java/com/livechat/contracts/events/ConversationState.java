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
    /** The customer stayed silent past the warning and its grace period: ended for them, agents wrap up. */
    INACTIVE,
    INTERRUPTED,
    ABANDONED,
    ENDED,
    CLOSED
}
