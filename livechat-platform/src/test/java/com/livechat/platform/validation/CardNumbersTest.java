package com.livechat.platform.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CardNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111", "4222222222222",
            "3782 822463 10005", "378734493671000", "3056 9309 0259 04", "6799 9901 0000 0000 019",
            "2223 0031 2200 3222", "6011-0009-9013-9424",
            "4111 1111-1111 1111", "4111-1111 1111-1111",  // mixed separators: still a card number
            "4111.1111.1111.1111", "4111 1111.1111-1111",  // dots too, alone or mixed
            "\uFF14\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11", // full-width
            "4111\u00A01111\u00A01111\u00A01111",          // no-break spaces
            "4111\u20131111\u20131111\u20131111",          // en dashes
            "\u0664\u0661\u0661\u0661 1111 1111 1111",    // Arabic-Indic digits
            "5105 1051 0510 5100", "6200 0000 0000 0005", "36227206271667", "3566002020360505", "6011111111111117"
    })
    void findsLuhnValidCardsInEveryLayout(String card) {
        String text = "my card: " + card + ", thanks";

        assertEquals(List.of(new CardNumbers.Span(9, 9 + card.length())), CardNumbers.find(text));
        assertTrue(CardNumbers.containsCardNumber(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "4111 1111 1111 1112",       // Luhn-invalid
            "1234 5678 9012 3456",       // Luhn-invalid
            "5018 0000 0009",            // 12 digits: too short
            "41111111111111111111",      // 20 digits in one block
            "0000 0000 0000 0000",       // no card number starts with 0
            "41 11 11 11 11 11 11 11",   // two-digit groups are phone-like, not card-like
            "4111  1111  1111  1111",    // double spaces end a number
            "4111/1111/1111/1111",       // slashes are not card separators
            "3.4111111111111111",        // decimals
            "12.4111 1111 1111 1111",
            "4111111111111111.5",
            "ABC4111111111111111",       // glued to a word
            "4111111111111111XYZ",
            "**** **** **** 1111",       // already masked
            "***************1111",
            "356938035643809",           // an IMEI: Luhn-valid, but 15 digits starting 35 is no scheme's card
            "1700000000004",             // a Luhn-valid millisecond timestamp: no scheme starts with 1
            "7992739871300",             // a Luhn-valid serial: no scheme starts with 7
            "41111111111111113",         // 17 digits: Visa issues 13, 16 or 19
            "3714496353984314"           // 16 digits starting 37: Amex issues 15
    })
    void ignoresLookAlikes(String text) {
        assertEquals(List.of(), CardNumbers.find("ref " + text + " ok"));
        assertFalse(CardNumbers.containsCardNumber("ref " + text + " ok"));
    }

    @Test
    void takesTheLeftmostLongestCardOutOfALongerRunOfGroups() {
        assertEquals(List.of(new CardNumbers.Span(7, 26)), CardNumbers.find("ref 12 4111 1111 1111 1111 done"));
        assertEquals(List.of(new CardNumbers.Span(0, 19)), CardNumbers.find("4111 1111 1111 1111 12/27"));
    }

    @Test
    void findsACardAtTheEndOfARunOfManyGroups() {
        String text = "1 2 3 4 5 6 7 8 9 4111 1111 1111 1111";

        assertEquals(List.of(new CardNumbers.Span(18, 37)), CardNumbers.find(text));
    }

    @Test
    void findsSeveralCards() {
        String text = "4111111111111111 or 5555 5555 5555 4444";

        assertEquals(List.of(new CardNumbers.Span(0, 16), new CardNumbers.Span(20, 39)), CardNumbers.find(text));
    }

    @Test
    void findsOnlyCardsStartingInTheGivenSpan() {
        String text = "4111111111111111 or 5555 5555 5555 4444";

        assertEquals(List.of(new CardNumbers.Span(20, 39)), CardNumbers.find(text, 17, text.length()));
        assertEquals(List.of(new CardNumbers.Span(0, 16)), CardNumbers.find(text, 0, 17));
    }

    @Test
    void aCardEndsBeforeADotOnlyWhenNoDigitFollows() {
        assertEquals(List.of(new CardNumbers.Span(0, 19)), CardNumbers.find("4111 1111 1111 1111. Thanks"));
        assertEquals(List.of(), CardNumbers.find("4111 1111 1111 1111.5"));
    }

    @Test
    void findsNothingInNothing() {
        assertEquals(List.of(), CardNumbers.find(null));
        assertEquals(List.of(), CardNumbers.find(""));
        assertFalse(CardNumbers.containsCardNumber(null));
    }
}
