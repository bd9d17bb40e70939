package com.livechat.routing.domain;

import com.livechat.contracts.events.BusinessHours;

/**
 * The settings an admin gives a queue. {@code inactivityWarningSeconds} and {@code inactivityGraceSeconds} (null:
 * the conversation service's defaults) travel with each offer of the queue's chats to the conversation service, which
 * warns and ends silent customers. {@code waitingNoticeSeconds} and {@code waitingNoticeText} are the "no agent has
 * joined yet" notice ({@link WaitingNotice}; null: 60 s and the widget's own text, 0 s: none). {@code businessHours}
 * null: always open.
 */
public record QueueSettings(String name, RoutingStrategy strategy, int ronaTimeoutSeconds, Integer maxWaitSeconds,
        Integer inactivityWarningSeconds, Integer inactivityGraceSeconds, Integer waitingNoticeSeconds,
        String waitingNoticeText, BusinessHours businessHours) {

    public QueueSettings(String name, RoutingStrategy strategy, int ronaTimeoutSeconds, Integer maxWaitSeconds) {
        this(name, strategy, ronaTimeoutSeconds, maxWaitSeconds, null, null, null, null, null);
    }

    public QueueSettings(String name, RoutingStrategy strategy, int ronaTimeoutSeconds, Integer maxWaitSeconds,
            Integer inactivityWarningSeconds, Integer inactivityGraceSeconds) {
        this(name, strategy, ronaTimeoutSeconds, maxWaitSeconds, inactivityWarningSeconds, inactivityGraceSeconds, null,
                null, null);
    }
}
