package com.livechat.gateway.supervision;

import java.time.Instant;

/** An agent as routing last announced them (the gateway's presence projection). */
public record AgentInput(String agentId, String displayName, String state, String idleCode, Instant stateSince,
        int activeChats, int capacity) {
}
