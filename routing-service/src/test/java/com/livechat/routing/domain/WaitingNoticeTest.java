package com.livechat.routing.domain;

import com.livechat.contracts.events.RoutingEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The waiting-notice rule, by the core alone. */
class WaitingNoticeTest {

    private static final Instant ENTERED = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void dueOnceTheQueuesTimeHasPassedSinceEnteringIt() {
        RoutingQueue queue = queue(30, null);
        WaitingChat chat = chat(ENTERED);
        chat.waitingSince = ENTERED.minusSeconds(3600); // first queued long ago (a transfer): not what counts
        assertFalse(WaitingNotice.due(queue, chat, ENTERED.plusSeconds(29), false), "counted from enteredQueueAt");
        assertTrue(WaitingNotice.due(queue, chat, ENTERED.plusSeconds(30), false));
        assertTrue(WaitingNotice.due(queue, chat, ENTERED.plusSeconds(600), false));
    }

    @Test
    void sixtySecondsByDefaultAndNoneAtZero() {
        WaitingChat chat = chat(ENTERED);
        assertEquals(60, WaitingNotice.seconds(queue(null, null)));
        assertFalse(WaitingNotice.due(queue(null, null), chat, ENTERED.plusSeconds(59), false));
        assertTrue(WaitingNotice.due(queue(null, null), chat, ENTERED.plusSeconds(60), false));
        assertEquals(0, WaitingNotice.seconds(queue(0, null)));
        assertFalse(WaitingNotice.due(queue(0, null), chat, ENTERED.plusSeconds(86400), false));
    }

    @Test
    void aWaitAlreadyToldIsNotToldAgain() {
        assertFalse(WaitingNotice.due(queue(30, null), chat(ENTERED), ENTERED.plusSeconds(31), true));
    }

    @Test
    void aChatOfAnotherQueueIsNotDueByThisQueuesTime() {
        WaitingChat chat = chat(ENTERED);
        chat.queueId = "other";
        assertFalse(WaitingNotice.due(queue(30, null), chat, ENTERED.plusSeconds(31), false));
    }

    @Test
    void theNoticeCarriesTheQueuesTimeAndOwnWordsIfAny() {
        RoutingEvent.WaitingNoticeIssued own = WaitingNotice.issue(queue(30, "Busy day, sorry!"), chat(ENTERED),
                ENTERED.plusSeconds(31));
        assertEquals("c-1", own.conversationId());
        assertEquals("support", own.queueId());
        assertEquals(30, own.waitedSeconds());
        assertEquals("Busy day, sorry!", own.text());
        assertEquals(ENTERED.plusSeconds(31), own.occurredAt());
        assertNull(WaitingNotice.issue(queue(null, "  "), chat(ENTERED), ENTERED.plusSeconds(60)).text());
        assertEquals(60, WaitingNotice.issue(queue(null, null), chat(ENTERED), ENTERED.plusSeconds(60)).waitedSeconds());
    }

    private static RoutingQueue queue(Integer seconds, String text) {
        RoutingQueue queue = new RoutingQueue();
        queue.id = "support";
        queue.waitingNoticeSeconds = seconds;
        queue.waitingNoticeText = text;
        return queue;
    }

    private static WaitingChat chat(Instant enteredQueueAt) {
        WaitingChat chat = new WaitingChat();
        chat.conversationId = "c-1";
        chat.queueId = "support";
        chat.waitingSince = enteredQueueAt;
        chat.enteredQueueAt = enteredQueueAt;
        return chat;
    }
}
