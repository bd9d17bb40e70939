package com.livechat.shared.events;

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
        assertPath(ConversationState.CONNECTED, ConversationState.INTERRUPTED, ConversationState.ENDED);
        assertPath(ConversationState.OFFERED, ConversationState.QUEUED, ConversationState.ABANDONED,
                ConversationState.CLOSED);
    }

    @Test
    void closedIsFinalAndNothingSkipsWrapUp() {
        assertTrue(ConversationState.CLOSED.allowedTargets().isEmpty());
        assertFalse(ConversationState.CONNECTED.canTransitionTo(ConversationState.CLOSED));
        assertFalse(ConversationState.QUEUED.canTransitionTo(ConversationState.CONNECTED));
        assertFalse(ConversationState.CUSTOMER_ENDED.canTransitionTo(ConversationState.CONNECTED));
    }

    @ParameterizedTest
    @EnumSource(ConversationState.class)
    void noConversationStateLoopsOnItself(ConversationState state) {
        assertFalse(state.canTransitionTo(state));
    }

    @Test
    void participantWrapUpIsPerAgentAndOnlyAfterBeingInTheChat() {
        assertTrue(ParticipantState.OFFERED.canTransitionTo(ParticipantState.ACTIVE));
        assertTrue(ParticipantState.CONFERENCE.canTransitionTo(ParticipantState.WRAP_UP));
        assertFalse(ParticipantState.OFFERED.canTransitionTo(ParticipantState.WRAP_UP));
        assertFalse(ParticipantState.WITHDRAWN.canTransitionTo(ParticipantState.ACTIVE));
        assertEquals(EnumSet.of(ParticipantState.DONE), ParticipantState.WRAP_UP.allowedTargets());
    }

    @Test
    void onlyRoutingPutsAnAgentInRonaAndLeavingItIsManual() {
        assertTrue(AgentState.AVAILABLE.canTransitionTo(AgentState.RONA));
        assertFalse(AgentState.AVAILABLE.agentMayRequest(AgentState.RONA));
        assertTrue(AgentState.RONA.agentMayRequest(AgentState.AVAILABLE));
        assertFalse(AgentState.IDLE.canTransitionTo(AgentState.RONA));
        assertFalse(AgentState.LOGGED_OUT.canTransitionTo(AgentState.RONA));
    }

    private static void assertPath(ConversationState... path) {
        for (int i = 1; i < path.length; i++) {
            Set<ConversationState> allowed = path[i - 1].allowedTargets();
            assertTrue(allowed.contains(path[i]), path[i - 1] + " -> " + path[i]);
        }
    }
}
