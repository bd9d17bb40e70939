package com.livechat.testsupport.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The bench's options: the freed-capacity measurement's defaults and overrides. */
class BenchOptionsTest {

    @Test
    void theFullRunLeavesAThousandChatsWaitingAndTheQuickOneAHundred() {
        BenchOptions full = BenchOptions.parse(new String[0]);
        BenchOptions quick = BenchOptions.parse(new String[] {"--quick"});

        assertEquals(1000, full.waiting());
        assertEquals(100, full.freeSamples());
        assertEquals(100, quick.waiting());
        assertEquals(20, quick.agents());
    }

    @Test
    void waitingAndSamplesCanBeChosenAndZeroWaitingSkipsTheMeasurement() {
        BenchOptions options = BenchOptions.parse(new String[] {"--waiting", "0", "--free-samples", "7"});

        assertEquals(0, options.waiting());
        assertEquals(7, options.freeSamples());
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--waiting", "many"}));
    }

    @Test
    void ratesNoneSkipsTheMessagesAndKeepsTheOtherPhases() {
        BenchOptions options = BenchOptions.parse(new String[] {"--rates", "none"});

        assertEquals(List.of(), options.rates());
        assertEquals(1000, options.burst());
        assertEquals(1000, options.waiting());
        assertEquals(List.of(50, 100), BenchOptions.parse(new String[] {"--rates", "50,100"}).rates());
    }
}
