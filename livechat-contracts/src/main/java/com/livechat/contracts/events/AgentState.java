package com.livechat.contracts.events;

/**
 * An agent's presence as routing sees it, as it travels on the wire. Being busy is not a state: it follows from the
 * number of active chats. {@link #RONA} (Redirection On No Answer) is only ever entered by routing, when an offer goes
 * unanswered; leaving it is a manual step of the agent. The routing service owns the rules of which state follows
 * which ({@code AgentStateRules} there).
 */
public enum AgentState {
    LOGGED_OUT,
    AVAILABLE,
    IDLE,
    RONA
}
