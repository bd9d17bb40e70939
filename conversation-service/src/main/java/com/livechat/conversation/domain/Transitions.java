package com.livechat.conversation.domain;

import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.ParticipantState;

/**
 * Enforces the state machines ({@link ConversationLifecycle}, {@link ParticipationLifecycle}): every state change of a
 * conversation or participation goes through here.
 */
public final class Transitions {

    private Transitions() {
    }

    public static void check(ConversationState from, ConversationState to) {
        if (!ConversationLifecycle.canTransition(from, to)) {
            throw new IllegalTransitionException("A conversation in state " + from + " cannot become " + to
                    + describe(ConversationLifecycle.allowedTargets(from).toString()));
        }
    }

    public static void check(ParticipantState from, ParticipantState to) {
        if (!ParticipationLifecycle.canTransition(from, to)) {
            throw new IllegalTransitionException("An agent participation in state " + from + " cannot become " + to
                    + describe(ParticipationLifecycle.allowedTargets(from).toString()));
        }
    }

    private static String describe(String allowed) {
        return "[]".equals(allowed) ? " (it is final)." : " (allowed: " + allowed + ").";
    }
}
