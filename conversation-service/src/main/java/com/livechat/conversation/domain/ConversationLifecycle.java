package com.livechat.conversation.domain;

import com.livechat.contracts.events.ConversationState;

import java.util.EnumSet;
import java.util.Set;

/**
 * The rules of a conversation's lifecycle, owned by this service (the contract only names the states).
 *
 * <pre>
 * QUEUED -> OFFERED -> CONNECTED -> ENDED -> CLOSED
 *                      CONNECTED -> CUSTOMER_ENDED -> ENDED
 *                      CONNECTED -> INACTIVE -> ENDED          (the customer stayed silent: CustomerInactivity)
 *                      CONNECTED -> QUEUED | OFFERED          (transfer to a queue | to an agent)
 * QUEUED | OFFERED -> ABANDONED -> CLOSED                     (customer left, or transfer never accepted)
 * QUEUED | OFFERED | CONNECTED -> INTERRUPTED -> ENDED          (the queue it depends on was deleted)
 * </pre>
 */
public final class ConversationLifecycle {

    private ConversationLifecycle() {
    }

    public static boolean canTransition(ConversationState from, ConversationState to) {
        return allowedTargets(from).contains(to);
    }

    public static Set<ConversationState> allowedTargets(ConversationState from) {
        return switch (from) {
            case QUEUED -> EnumSet.of(ConversationState.OFFERED, ConversationState.ABANDONED,
                    ConversationState.INTERRUPTED);
            case OFFERED -> EnumSet.of(ConversationState.QUEUED, ConversationState.CONNECTED,
                    ConversationState.ABANDONED, ConversationState.INTERRUPTED);
            case CONNECTED -> EnumSet.of(ConversationState.QUEUED, ConversationState.OFFERED,
                    ConversationState.CUSTOMER_ENDED, ConversationState.INACTIVE, ConversationState.ENDED,
                    ConversationState.INTERRUPTED);
            case CUSTOMER_ENDED, INACTIVE, INTERRUPTED -> EnumSet.of(ConversationState.ENDED);
            case ABANDONED, ENDED -> EnumSet.of(ConversationState.CLOSED);
            case CLOSED -> EnumSet.noneOf(ConversationState.class);
        };
    }

    /** The customer can still write and be written to. */
    public static boolean isOpenForCustomer(ConversationState state) {
        return state == ConversationState.QUEUED || state == ConversationState.OFFERED
                || state == ConversationState.CONNECTED;
    }

    /** Waiting for an agent: routing holds the chat. */
    public static boolean isWaitingForAgent(ConversationState state) {
        return state == ConversationState.QUEUED || state == ConversationState.OFFERED;
    }
}
