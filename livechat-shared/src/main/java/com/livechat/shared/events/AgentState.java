package com.livechat.shared.events;

import java.util.EnumSet;
import java.util.Set;

/**
 * An agent's presence as routing sees it. Being busy is not a state: it follows from the number of active chats.
 * {@link #RONA} (Redirection On No Answer) is only ever entered by routing, when an offer goes unanswered; leaving it
 * is a manual step of the agent.
 */
public enum AgentState {
    LOGGED_OUT,
    AVAILABLE,
    IDLE,
    RONA;

    /** Whether an agent in this state may move to {@code target}; IDLE to IDLE changes the idle code. */
    public boolean canTransitionTo(AgentState target) {
        return allowedTargets().contains(target);
    }

    /** Whether the agent may ask for {@code target} themselves (RONA is routing's decision, never the agent's). */
    public boolean agentMayRequest(AgentState target) {
        return target != RONA && canTransitionTo(target);
    }

    public Set<AgentState> allowedTargets() {
        return switch (this) {
            case LOGGED_OUT -> EnumSet.of(AVAILABLE, IDLE);
            case AVAILABLE -> EnumSet.of(IDLE, RONA, LOGGED_OUT);
            case IDLE -> EnumSet.of(AVAILABLE, IDLE, LOGGED_OUT);
            case RONA -> EnumSet.of(AVAILABLE, IDLE, LOGGED_OUT);
        };
    }
}
