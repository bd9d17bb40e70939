package com.livechat.routing.domain;

import java.util.Set;

/** The profile an admin gives an agent. */
public record AgentSettings(String displayName, Set<String> queueIds, int capacity) {
}
