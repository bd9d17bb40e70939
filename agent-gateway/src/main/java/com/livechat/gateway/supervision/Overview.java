package com.livechat.gateway.supervision;

import java.time.Instant;
import java.util.List;

/**
 * Everything the supervisor console shows, computed at {@code at}: counts run from {@code dayStart};
 * {@code serviceLevelThresholdSeconds} is the threshold of the service level.
 */
public record Overview(Instant at, Instant dayStart, long serviceLevelThresholdSeconds, List<QueueFigures> queues,
        List<AgentFigures> agents, List<WaitingChat> waiting) {
}
