package com.livechat.routing.domain;

/** How a queue picks the agent for its next waiting chat. */
public enum RoutingStrategy {
    /** The AVAILABLE agent with free capacity who has waited longest since their last offer. */
    LONGEST_AVAILABLE_AGENT
}
