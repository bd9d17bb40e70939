package com.livechat.conversation.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void dataIsDueOnceItSettledLongerAgoThanItsDays() {
        Retention year = new Retention(365);
        assertEquals(Optional.of(Instant.parse("2025-12-06T12:00:00Z")), year.cutoff(NOW));
        assertTrue(year.due(Instant.parse("2025-12-06T11:59:59Z"), NOW));
        assertFalse(year.due(Instant.parse("2025-12-06T12:00:00Z"), NOW));
        assertFalse(year.due(null, NOW), "not settled yet: never due");
    }

    @Test
    void zeroKeepsForEverAndANegativeRetentionIsRefused() {
        assertEquals(Optional.empty(), new Retention(0).cutoff(NOW));
        assertFalse(new Retention(0).due(Instant.EPOCH, NOW));
        assertThrows(IllegalArgumentException.class, () -> new Retention(-1));
    }

    @Test
    void onlyEndedChatsCanBeErased() {
        for (var state : com.livechat.contracts.events.ConversationState.values()) {
            boolean over = state == com.livechat.contracts.events.ConversationState.ENDED
                    || state == com.livechat.contracts.events.ConversationState.CLOSED
                    || state == com.livechat.contracts.events.ConversationState.ABANDONED;
            assertEquals(over, CustomerErasure.erasable(state), state.name());
        }
    }
}
