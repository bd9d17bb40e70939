package com.livechat.routing.domain;

import com.livechat.contracts.events.RoutingEvent;

import java.time.Instant;

/**
 * The "no agent has joined yet" notice to a waiting customer (issue 14): due once a chat has been in its current queue
 * ({@link WaitingChat#enteredQueueAt}) for the queue's waiting-notice time with no agent, at most once per wait (the
 * caller says whether this wait was already told). The queue's time is {@link RoutingQueue#waitingNoticeSeconds}:
 * null means {@link #DEFAULT_SECONDS}, 0 means no notice.
 */
public final class WaitingNotice {

    /** Cisco's default agent join timeout for chat. */
    public static final int DEFAULT_SECONDS = 60;

    private WaitingNotice() {
    }

    /** The queue's waiting-notice time in seconds; 0 when the queue gives no notice. */
    public static int seconds(RoutingQueue queue) {
        Integer configured = queue.waitingNoticeSeconds;
        return configured == null ? DEFAULT_SECONDS : Math.max(0, configured);
    }

    /** Whether {@code chat}, waiting in {@code queue}, is due the notice at {@code now}. */
    public static boolean due(RoutingQueue queue, WaitingChat chat, Instant now, boolean alreadyTold) {
        int seconds = seconds(queue);
        return !alreadyTold && seconds > 0 && queue.id.equals(chat.queueId)
                && !now.isBefore(chat.enteredQueueAt.plusSeconds(seconds));
    }

    /** The notice of {@code chat} (which {@link #due} it), in the queue's own words if it has any. */
    public static RoutingEvent.WaitingNoticeIssued issue(RoutingQueue queue, WaitingChat chat, Instant now) {
        String text = queue.waitingNoticeText == null || queue.waitingNoticeText.isBlank() ? null
                : queue.waitingNoticeText;
        return new RoutingEvent.WaitingNoticeIssued(RoutingState.newId(), now, chat.conversationId, queue.id,
                seconds(queue), text);
    }
}
