package com.livechat.routing.domain;

import com.livechat.shared.events.AgentState;
import com.livechat.shared.events.RejectionCode;

/**
 * Routing's rules on top of the shared {@link AgentState} machine: what an agent may ask for, and who gets offers.
 */
public final class AgentStateRules {

    private AgentStateRules() {
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
        if (!current.agentMayRequest(target)) {
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
