package com.livechat.masking.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CandidatesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Hi, I need help with my order please", "Le montant était de 1 234,56 € au lieu de 1 134,56 €",
            "version v2.14.3 crashes", "rendez-vous à 14:30", "Ticket 48213", "I have 2 kids and 1 dog", ""
    })
    void cleanTextHasNoCandidate(String text) {
        assertNull(Candidates.of(text));
    }

    @Test
    void aRunOfSixDigitsAcrossSeparatorsIsANumberCandidateStartingWhereItsLettersDo() {
        Candidates found = Candidates.of("my IBAN GB82 WEST 1234 5698 7654 32 thanks");

        assertNotNull(found);
        assertEquals(1, found.count());
        assertEquals(Candidates.NUMBER, found.kinds(0));
        // The run of digits starts at "82"; the span reaches back over "GB" (and at most 12 characters).
        assertTrue(found.start(0) <= 8, "span starts at " + found.start(0));
        assertEquals(35, found.end(0));
    }

    @Test
    void anAtSignAndALongMixedTokenAreCandidatesOfTheirOwnKind() {
        Candidates email = Candidates.of("write to melissa@gmail.com");
        Candidates code = Candidates.of("CF RSSMRA85T10A562S ok");

        assertEquals(Candidates.AT, email.kinds(0));
        assertEquals(Candidates.LONG_TOKEN, code.kinds(0));
        assertEquals(3, code.start(0));
        assertEquals(19, code.end(0));
    }

    @Test
    void digitsInAnyUnicodeFormCountAndAskForFolding() {
        Candidates found = Candidates.of("ＴＥＬ ０６ １２ ３４ ５６ ７８");

        assertNotNull(found);
        assertTrue(found.needsFolding());
        assertFalse(Candidates.of("call 06 12 34 56 78").needsFolding());
    }
}
