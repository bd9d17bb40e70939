package com.livechat.testsupport.contract;

import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.Topics;
import com.livechat.contracts.json.EventJson;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaContractTest {

    private static final String POSITION = EventJson.write(new RoutingEvent.QueuePositionChanged("e-1",
            Instant.parse("2026-11-24T10:15:30Z"), "c-1", "support", 2));

    @Test
    void aRecordOfItsTopicMatches() {
        assertDoesNotThrow(() -> KafkaContract.assertMatches(Topics.ROUTING_EVENTS, POSITION));
    }

    @Test
    void aRecordThatBreaksItsSchemaOrIsOnTheWrongTopicDoesNot() {
        String broken = POSITION.replace("\"position\":2", "\"position\":\"second\"");

        AssertionError error = assertThrows(AssertionError.class,
                () -> KafkaContract.assertMatches(Topics.ROUTING_EVENTS, broken));

        assertTrue(error.getMessage().contains("QueuePositionChanged does not match schemas/QueuePositionChanged.json"),
                error.getMessage());
        assertEquals(1, KafkaContract.violations(Topics.CONVERSATION_EVENTS, POSITION).size());
        assertEquals(1, KafkaContract.violations(Topics.ROUTING_EVENTS, "{not json").size());
    }

    @Test
    void theWatchCollectsWhatBackgroundReadersSeeAndSkipsDeadLetters() {
        ContractWatch watch = new ContractWatch();
        watch.check(Topics.ROUTING_DEAD_LETTER, "anything parked");
        watch.check(Topics.ROUTING_EVENTS, POSITION);
        assertDoesNotThrow(watch::assertNone);

        watch.check(Topics.ROUTING_EVENTS, POSITION.replace("QueuePositionChanged", "QueueMoved"));
        assertThrows(AssertionError.class, watch::assertNone);
        assertFalse(KafkaContract.describes(Topics.INBOUND_DEAD_LETTER));
    }
}
