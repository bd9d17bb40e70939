package com.livechat.conversation.domain;

import com.livechat.shared.events.ConversationState;
import com.livechat.shared.events.ParticipantState;

/** Enforces the shared state machines: every state change of a conversation or participation goes through here. */
public final class Transitions {

    private Transitions() {
    }

    public static void check(ConversationState from, ConversationState to) {
        if (!from.canTransitionTo(to)) {
            throw new IllegalTransitionException("A conversation in state " + from + " cannot become " + to
                    + describe(from.allowedTargets().toString()));
        }
    }

    public static void check(ParticipantState from, ParticipantState to) {
        if (!from.canTransitionTo(to)) {
            throw new IllegalTransitionException("An agent participation in state " + from + " cannot become " + to
                    + describe(from.allowedTargets().toString()));
        }
    }

    private static String describe(String allowed) {
        return "[]".equals(allowed) ? " (it is final)." : " (allowed: " + allowed + ").";
    }
}
