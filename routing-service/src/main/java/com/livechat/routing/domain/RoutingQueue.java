package com.livechat.routing.domain;

import java.time.Duration;
import java.time.Instant;

/** A queue chats wait in until an agent who serves it can take them. */
public class RoutingQueue {

    public String id;
    public String name;
    public RoutingStrategy strategy;
    /** How long an agent has to accept an offer from this queue before RONA. */
    public int ronaTimeoutSeconds;
    /** Optional maximum time in this queue; a chat waiting longer leaves it ({@code QueueTimedOut}). */
    public Integer maxWaitSeconds;
    /** Customer silence before "are you still there?" (null: the conversation service's default); routing only carries it. */
    public Integer inactivityWarningSeconds;
    /** Further silence after the warning before the chat ends as INACTIVE (null: the default). */
    public Integer inactivityGraceSeconds;
    /** Time in this queue with no agent before the waiting notice (null: {@link WaitingNotice#DEFAULT_SECONDS}, 0: none). */
    public Integer waitingNoticeSeconds;
    /** The queue's own wording of the waiting notice (null: the widget's EN/FR text). */
    public String waitingNoticeText;
    public Instant updatedAt;

    public Duration ronaTimeout() {
        return Duration.ofSeconds(ronaTimeoutSeconds);
    }

    /** Whether {@code chat} has been in this queue for its maximum time (an absolute deadline from entering it). */
    public boolean maxWaitPassed(WaitingChat chat, Instant now) {
        return maxWaitSeconds != null && !now.isBefore(chat.enteredQueueAt.plusSeconds(maxWaitSeconds));
    }
}
