package com.livechat.routing.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.livechat.contracts.events.BusinessHours;
import com.livechat.routing.domain.RoutingQueue;
import com.livechat.routing.domain.RoutingStrategy;

import java.util.List;

/**
 * A queue as the admin API shows it; {@code agents} and {@code liveChats} (what deleting the queue would interrupt:
 * chats waiting in it, offered or assigned from it and not yet in wrap-up) only on the single-queue view.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueueView(String id, String name, RoutingStrategy strategy, int ronaTimeoutSeconds,
        Integer maxWaitSeconds, Integer inactivityWarningSeconds, Integer inactivityGraceSeconds,
        Integer waitingNoticeSeconds, String waitingNoticeText, BusinessHours businessHours, long waitingChats,
        Long liveChats, List<AgentSummary> agents) {

    static QueueView of(RoutingQueue queue, long waitingChats, List<AgentSummary> agents) {
        return of(queue, waitingChats, null, agents);
    }

    static QueueView of(RoutingQueue queue, long waitingChats, Long liveChats, List<AgentSummary> agents) {
        return new QueueView(queue.id, queue.name, queue.strategy, queue.ronaTimeoutSeconds, queue.maxWaitSeconds,
                queue.inactivityWarningSeconds, queue.inactivityGraceSeconds,
                queue.waitingNoticeSeconds, queue.waitingNoticeText, queue.businessHours, waitingChats, liveChats, agents);
    }

    /** An agent who serves the queue. */
    public record AgentSummary(String id, String displayName, String state) {
    }
}
