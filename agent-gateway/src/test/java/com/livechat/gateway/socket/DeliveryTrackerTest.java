package com.livechat.gateway.socket;

import com.livechat.gateway.socket.DeliveryTracker.LiveDecision;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryTrackerTest {

    private final DeliveryTracker tracker = new DeliveryTracker();

    @Test
    void liveEventsAfterTheSnapshotAreSentOnceAndGapsRefilled() {
        tracker.startAt("c", 5);
        assertEquals(LiveDecision.SKIP, tracker.decide("c", 5));
        assertEquals(LiveDecision.SEND, tracker.decide("c", 6));
        tracker.sent("c", 6);
        assertEquals(LiveDecision.SKIP, tracker.decide("c", 6));
        assertEquals(LiveDecision.REFILL, tracker.decide("c", 9));
        assertEquals(6, tracker.delivered("c"));
    }

    @Test
    void unknownConversationStartsAtItsFirstLiveEvent() {
        assertFalse(tracker.knows("c"));
        assertEquals(LiveDecision.SEND, tracker.decide("c", 12));
        tracker.sent("c", 12);
        assertTrue(tracker.knows("c"));
        assertEquals(LiveDecision.SEND, tracker.decide("c", 13));
    }

    @Test
    void resumeReplaysOnlyWhatThisConnectionWasNeverSent() {
        tracker.startAt("c", 10);
        tracker.sent("c", 11);
        tracker.sent("c", 12);
        // The client last saw 4: replay 5..10; 11 and 12 were sent live on this connection already.
        assertEquals(10, tracker.resumeFrom("c", 4));
        // A second resume from 2 replays only 3..4.
        assertEquals(4, tracker.resumeFrom("c", 2));
        // Resuming from a seq already covered replays nothing.
        assertEquals(11, tracker.resumeFrom("c", 11));
        assertEquals(12, tracker.delivered("c"));
    }

    @Test
    void resumeOfAConversationNeverSeenReplaysEverythingAfter() {
        assertEquals(Long.MAX_VALUE, tracker.resumeFrom("c", 3));
    }

    @Test
    void startAtNeverMovesBackwards() {
        tracker.startAt("c", 8);
        tracker.startAt("c", 3);
        assertEquals(8, tracker.delivered("c"));
    }
}
