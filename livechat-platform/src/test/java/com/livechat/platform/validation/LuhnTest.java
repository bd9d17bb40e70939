package com.livechat.platform.validation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LuhnTest {

    @Test
    void acceptsCardNumbersWhateverTheirSeparators() {
        assertTrue(Luhn.isValid("4111111111111111", 0, 16));
        assertTrue(Luhn.isValid("4111-1111 1111-1111", 0, 19));
        assertTrue(Luhn.isValid("card 5500 0000 0000 0004 ok", 5, 24));
    }

    @Test
    void refusesAChangedDigit() {
        assertFalse(Luhn.isValid("4111111111111112", 0, 16));
        assertFalse(Luhn.isValid("4111-1111 1111-1112", 0, 19));
    }

    @Test
    void checksOnlyTheGivenRange() {
        assertTrue(Luhn.isValid("99 4111111111111111", 3, 19));
        assertFalse(Luhn.isValid("99 4111111111111111", 0, 19));
    }
}
