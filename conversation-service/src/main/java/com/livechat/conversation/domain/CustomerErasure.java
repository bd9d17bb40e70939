package com.livechat.conversation.domain;

import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;

import java.util.Set;

/**
 * The rules of erasing a customer's data on request (GDPR art. 17, docs/privacy.md): only once the chat has ended,
 * so that nobody can add to the transcript afterwards; what erased text reads.
 */
public final class CustomerErasure {

    /** What erased text reads (the contract's marker). */
    public static final String ERASED = ConversationEvent.CustomerDataErased.ERASED;

    /** The states in which no more message can be written: the customer's data can be erased. */
    public static final Set<ConversationState> ERASABLE = Set.of(ConversationState.ENDED, ConversationState.CLOSED,
            ConversationState.ABANDONED);

    private CustomerErasure() {
    }

    public static boolean erasable(ConversationState state) {
        return ERASABLE.contains(state);
    }
}
