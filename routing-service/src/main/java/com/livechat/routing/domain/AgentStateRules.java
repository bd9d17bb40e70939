package com.livechat.routing.domain;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.RejectionCode;

import java.util.EnumSet;
import java.util.Set;

/**
 * Routing's rules of the {@link AgentState} machine, which routing owns: which state may follow which, what an agent
 * may ask for, and who gets offers.
 */
public final class AgentStateRules {

    private AgentStateRules() {
    }

    /** Whether an agent in state {@code from} may move to {@code target}; IDLE to IDLE changes the idle code. */
    public static boolean canTransition(AgentState from, AgentState target) {
        return allowedTargets(from).contains(target);
    }

    /** Whether the agent may ask for {@code target} themselves (RONA is routing's decision, never the agent's). */
    public static boolean agentMayRequest(AgentState from, AgentState target) {
        return target != AgentState.RONA && canTransition(from, target);
    }

    public static Set<AgentState> allowedTargets(AgentState from) {
        return switch (from) {
            case LOGGED_OUT -> EnumSet.of(AgentState.AVAILABLE, AgentState.IDLE);
            case AVAILABLE -> EnumSet.of(AgentState.IDLE, AgentState.RONA, AgentState.LOGGED_OUT);
            case IDLE -> EnumSet.of(AgentState.AVAILABLE, AgentState.IDLE, AgentState.LOGGED_OUT);
            case RONA -> EnumSet.of(AgentState.AVAILABLE, AgentState.IDLE, AgentState.LOGGED_OUT);
        };
    }

    /**
     * Checks an agent's own request to move from {@code current} to {@code target}.
     *
     * @param idleCodeKnown whether {@code idleCode} names an existing idle code (only looked at for IDLE)
     * @throws Refusal with ILLEGAL_STATE or UNKNOWN_IDLE_CODE and a reason the agent can read
     */
    public static void checkRequest(AgentState current, AgentState target, String idleCode, boolean idleCodeKnown) {
        if (target == null) {
            throw new Refusal(RejectionCode.ILLEGAL_STATE, "A target state is required.");
        }
        if (target == AgentState.RONA) {
            throw new Refusal(RejectionCode.ILLEGAL_STATE,
                    "RONA is set by routing when an offer goes unanswered; an agent cannot choose it.");
        }
        if (!agentMayRequest(current, target)) {
            throw new Refusal(RejectionCode.ILLEGAL_STATE,
                    "An agent who is " + current + " cannot change to " + target + ".");
        }
        if (target == AgentState.IDLE) {
            if (idleCode == null || idleCode.isBlank()) {
                throw new Refusal(RejectionCode.UNKNOWN_IDLE_CODE, "IDLE needs an idle code.");
            }
            if (!idleCodeKnown) {
                throw new Refusal(RejectionCode.UNKNOWN_IDLE_CODE, "Unknown idle code '" + idleCode + "'.");
            }
        }
    }

    /** Only an AVAILABLE agent is offered chats; RONA, IDLE and LOGGED_OUT agents get nothing. */
    public static boolean receivesOffers(AgentState state) {
        return state == AgentState.AVAILABLE;
    }
}
