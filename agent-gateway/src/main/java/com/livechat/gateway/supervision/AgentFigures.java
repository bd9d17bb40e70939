package com.livechat.gateway.supervision;

import java.time.Instant;

/**
 * One agent's figures: state and time in it, idle code, load, and how many offers they let time out (RONA) today.
 */
public record AgentFigures(String agentId, String displayName, String state, String idleCode, Instant stateSince,
        long secondsInState, int activeChats, int capacity, int ronaToday) {
}
