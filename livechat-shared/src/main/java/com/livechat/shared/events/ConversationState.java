package com.livechat.shared.events;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a conversation, owned by the conversation service.
 *
 * <pre>
 * QUEUED -> OFFERED -> CONNECTED -> ENDED -> CLOSED
 *                      CONNECTED -> CUSTOMER_ENDED -> ENDED
 *                      CONNECTED -> QUEUED | OFFERED          (transfer to a queue | to an agent)
 * QUEUED | OFFERED -> ABANDONED -> CLOSED                     (customer left, or transfer never accepted)
 * QUEUED | OFFERED | CONNECTED -> INTERRUPTED -> ENDED          (the queue it depends on was deleted)
 * </pre>
 */
public enum ConversationState {
    QUEUED,
    OFFERED,
    CONNECTED,
    CUSTOMER_ENDED,
    INTERRUPTED,
    ABANDONED,
    ENDED,
    CLOSED;

    public boolean canTransitionTo(ConversationState target) {
        return allowedTargets().contains(target);
    }

    public Set<ConversationState> allowedTargets() {
        return switch (this) {
            case QUEUED -> EnumSet.of(OFFERED, ABANDONED, INTERRUPTED);
            case OFFERED -> EnumSet.of(QUEUED, CONNECTED, ABANDONED, INTERRUPTED);
            case CONNECTED -> EnumSet.of(QUEUED, OFFERED, CUSTOMER_ENDED, ENDED, INTERRUPTED);
            case CUSTOMER_ENDED, INTERRUPTED -> EnumSet.of(ENDED);
            case ABANDONED, ENDED -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(ConversationState.class);
        };
    }

    /** The customer can still write and be written to. */
    public boolean isOpenForCustomer() {
        return this == QUEUED || this == OFFERED || this == CONNECTED;
    }

    /** Waiting for an agent: routing holds the chat. */
    public boolean isWaitingForAgent() {
        return this == QUEUED || this == OFFERED;
    }
}
