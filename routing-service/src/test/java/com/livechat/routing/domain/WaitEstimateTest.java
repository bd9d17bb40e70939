package com.livechat.routing.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The estimated-wait formula, by the core alone. */
class WaitEstimateTest {

    private static final List<Long> HANDLES = List.of(200L, 300L, 400L); // mean 300 s
    private static final List<Long> WAITS = List.of(30L, 60L, 91L); // mean 60.33 s

    @Test
    void positionTimesMeanHandleOverSlots() {
        assertEquals(300, WaitEstimate.seconds(1, HANDLES, WAITS, 1));
        assertEquals(900, WaitEstimate.seconds(3, HANDLES, WAITS, 1));
        assertEquals(150, WaitEstimate.seconds(1, HANDLES, WAITS, 2));
        assertEquals(100, WaitEstimate.seconds(2, HANDLES, List.of(), 6));
    }

    @Test
    void roundsUpToAWholeSecond() {
        assertEquals(53, WaitEstimate.seconds(1, List.of(100L, 100L, 100L, 100L, 110L, 110L, 110L), List.of(), 2));
        assertEquals(34, WaitEstimate.seconds(1, HANDLES, List.of(), 9));
    }

    @Test
    void fallsBackToTheMeanAnsweredWaitWithoutHandleHistoryOrWithoutAvailableAgents() {
        assertEquals(61, WaitEstimate.seconds(4, List.of(200L, 300L), WAITS, 2));
        assertEquals(61, WaitEstimate.seconds(4, HANDLES, WAITS, 0));
    }

    @Test
    void noEstimateWithTooLittleHistory() {
        assertNull(WaitEstimate.seconds(1, List.of(200L, 300L), List.of(30L, 60L), 2));
        assertNull(WaitEstimate.seconds(1, List.of(), List.of(), 0));
        assertNull(WaitEstimate.seconds(1, HANDLES, List.of(), 0));
    }

    @Test
    void negativeSamplesCountAsZeroAndAPositionBelowOneHasNoEstimate() {
        assertEquals(100, WaitEstimate.seconds(1, List.of(-300L, 300L, 0L), List.of(), 1));
        assertNull(WaitEstimate.seconds(0, HANDLES, WAITS, 1));
    }
}
