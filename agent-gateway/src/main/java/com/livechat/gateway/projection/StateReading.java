package com.livechat.gateway.projection;

import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.ParticipantState;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the gateway reads from the conversation service's states when it projects them and checks commands. Which
 * state may follow which is the conversation service's rule, not the gateway's; these are only the three facts about
 * a state the gateway acts on (as documented in {@code docs/api/conversation.md}).
 */
public final class StateReading {

    private static final Set<ConversationState> OPEN_FOR_CUSTOMER =
            EnumSet.of(ConversationState.QUEUED, ConversationState.OFFERED, ConversationState.CONNECTED);
    private static final Set<ConversationState> WAITING_FOR_AGENT =
            EnumSet.of(ConversationState.QUEUED, ConversationState.OFFERED);
    private static final Set<ParticipantState> IN_CONVERSATION = EnumSet.of(ParticipantState.ACTIVE,
            ParticipantState.CONFERENCE_REQUESTED, ParticipantState.CONFERENCE);

    private StateReading() {
    }

    /** The customer can still write and be written to. */
    public static boolean isOpenForCustomer(ConversationState state) {
        return OPEN_FOR_CUSTOMER.contains(state);
    }

    /** Waiting for an agent: routing holds the chat. */
    public static boolean isWaitingForAgent(ConversationState state) {
        return WAITING_FOR_AGENT.contains(state);
    }

    /** The agent is in the chat: sees it live and may write. */
    public static boolean isInConversation(ParticipantState state) {
        return IN_CONVERSATION.contains(state);
    }
}
