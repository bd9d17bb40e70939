package com.livechat.conversation.domain;

import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.ParticipantState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateMachineTest {

    @Test
    void conversationWalksTheDocumentedPaths() {
        assertPath(ConversationState.QUEUED, ConversationState.OFFERED, ConversationState.CONNECTED,
                ConversationState.ENDED, ConversationState.CLOSED);
        assertPath(ConversationState.CONNECTED, ConversationState.CUSTOMER_ENDED, ConversationState.ENDED);
        assertPath(ConversationState.CONNECTED, ConversationState.INACTIVE, ConversationState.ENDED);
        assertPath(ConversationState.CONNECTED, ConversationState.INTERRUPTED, ConversationState.ENDED);
        assertPath(ConversationState.OFFERED, ConversationState.QUEUED, ConversationState.ABANDONED,
                ConversationState.CLOSED);
    }

    @Test
    void closedIsFinalAndNothingSkipsWrapUp() {
        assertTrue(ConversationLifecycle.allowedTargets(ConversationState.CLOSED).isEmpty());
        assertFalse(ConversationLifecycle.canTransition(ConversationState.CONNECTED, ConversationState.CLOSED));
        assertFalse(ConversationLifecycle.canTransition(ConversationState.QUEUED, ConversationState.CONNECTED));
        assertFalse(ConversationLifecycle.canTransition(ConversationState.CUSTOMER_ENDED, ConversationState.CONNECTED));
    }

    @ParameterizedTest
    @EnumSource(ConversationState.class)
    void noConversationStateLoopsOnItself(ConversationState state) {
        assertFalse(ConversationLifecycle.canTransition(state, state));
    }

    @Test
    void participantWrapUpIsPerAgentAndOnlyAfterBeingInTheChat() {
        assertTrue(ParticipationLifecycle.canTransition(ParticipantState.OFFERED, ParticipantState.ACTIVE));
        assertTrue(ParticipationLifecycle.canTransition(ParticipantState.CONFERENCE, ParticipantState.WRAP_UP));
        assertFalse(ParticipationLifecycle.canTransition(ParticipantState.OFFERED, ParticipantState.WRAP_UP));
        assertFalse(ParticipationLifecycle.canTransition(ParticipantState.WITHDRAWN, ParticipantState.ACTIVE));
        assertEquals(EnumSet.of(ParticipantState.DONE), ParticipationLifecycle.allowedTargets(ParticipantState.WRAP_UP));
    }

    private static void assertPath(ConversationState... path) {
        for (int i = 1; i < path.length; i++) {
            Set<ConversationState> allowed = ConversationLifecycle.allowedTargets(path[i - 1]);
            assertTrue(allowed.contains(path[i]), path[i - 1] + " -> " + path[i]);
        }
    }
}
