package com.livechat.routing.domain;

/** The settings an admin gives a queue. */
public record QueueSettings(String name, RoutingStrategy strategy, int ronaTimeoutSeconds, Integer maxWaitSeconds) {
}
