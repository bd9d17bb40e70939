package com.livechat.routing.domain;

import com.livechat.contracts.events.BusinessHours;
import com.livechat.platform.time.OpeningHours;

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
    /** The queue's business hours; null: always open. */
    public BusinessHours businessHours;
    public Instant updatedAt;

    public Duration ronaTimeout() {
        return Duration.ofSeconds(ronaTimeoutSeconds);
    }

    /** Whether the queue is open at {@code now} ({@link OpeningHours}): only then are its chats offered. */
    public boolean isOpen(Instant now) {
        return OpeningHours.isOpen(businessHours, now);
    }

    /**
     * Whether {@code chat} has been in this queue for its maximum time: an absolute deadline from entering it, or,
     * for a queue with business hours, from the later of entering it and the opening of the current open period.
     * A closed queue times nothing out: its chats wait for the opening. A message the customer left
     * ({@link WaitingChat#leftMessage}) never times out: nobody waits for it live, it waits until an agent can take it.
     */
    public boolean maxWaitPassed(WaitingChat chat, Instant now) {
        if (maxWaitSeconds == null || chat.leftMessage) {
            return false;
        }
        Instant from = chat.enteredQueueAt;
        if (businessHours != null) {
            Instant opened = OpeningHours.openSince(businessHours, now).orElse(null);
            if (opened == null) {
                return false;
            }
            from = opened.isAfter(from) ? opened : from;
        }
        return !now.isBefore(from.plusSeconds(maxWaitSeconds));
    }
}
