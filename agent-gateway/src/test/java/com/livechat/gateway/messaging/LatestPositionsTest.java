package com.livechat.gateway.messaging;

import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.RoutingEvent.QueuePositionChanged;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Of a poll's queue positions, the newest per chat is projected and pushed; the rest of the poll is untouched. */
class LatestPositionsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T20:00:00Z");

    @Test
    void onlyTheLastPositionOfEachChatInThePollCounts() {
        QueuePositionChanged aThird = position("a", 3);
        QueuePositionChanged bSecond = position("b", 2);
        QueuePositionChanged aSecond = position("a", 2);
        QueuePositionChanged cFirst = position("c", 1);

        LatestPositions latest = LatestPositions.of(List.of(aThird, bSecond, aSecond, cFirst));

        assertEquals(List.of(bSecond, aSecond, cFirst), List.copyOf(latest.newest()));
        assertTrue(latest.superseded(aThird));
        assertFalse(latest.superseded(aSecond));
        assertFalse(latest.superseded(bSecond));
    }

    @Test
    void otherEventsAreNeverSuperseded() {
        RoutingEvent deleted = new RoutingEvent.QueueDeleted("e-1", NOW, "q-1", "Sales");

        LatestPositions latest = LatestPositions.of(List.of(position("a", 2), deleted, position("a", 1)));

        assertFalse(latest.superseded(deleted));
        assertEquals(1, latest.newest().size());
    }

    private static QueuePositionChanged position(String conversationId, int position) {
        return new QueuePositionChanged(conversationId + "-" + position, NOW, conversationId, "q-1", position, null);
    }
}
