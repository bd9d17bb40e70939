package com.livechat.routing.domain;

import com.livechat.contracts.events.BusinessHours;

/**
 * The settings an admin gives a queue. {@code inactivityWarningSeconds} and {@code inactivityGraceSeconds} (null:
 * the conversation service's defaults) travel with each offer of the queue's chats to the conversation service, which
 * warns and ends silent customers. {@code businessHours} null: always open.
 */
public record QueueSettings(String name, RoutingStrategy strategy, int ronaTimeoutSeconds, Integer maxWaitSeconds,
        Integer inactivityWarningSeconds, Integer inactivityGraceSeconds, BusinessHours businessHours) {

    public QueueSettings(String name, RoutingStrategy strategy, int ronaTimeoutSeconds, Integer maxWaitSeconds) {
        this(name, strategy, ronaTimeoutSeconds, maxWaitSeconds, null, null, null);
    }

    public QueueSettings(String name, RoutingStrategy strategy, int ronaTimeoutSeconds, Integer maxWaitSeconds,
            Integer inactivityWarningSeconds, Integer inactivityGraceSeconds) {
        this(name, strategy, ronaTimeoutSeconds, maxWaitSeconds, inactivityWarningSeconds, inactivityGraceSeconds, null);
    }
}
