package com.livechat.masking.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CreditCardDetectorTest {

    private final CreditCardDetector detector = new CreditCardDetector();

    @ParameterizedTest
    @ValueSource(strings = {
            "4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111", "4222222222222",
            "3782 822463 10005", "378734493671000", "3056 9309 0259 04", "6799 9901 0000 0000 019",
            "2223 0031 2200 3222", "6011-0009-9013-9424", "4111 1111-1111 1111"
    })
    void findsLuhnValidCardsInEveryLayout(String card) {
        String text = "my card: " + card + ", thanks";

        assertEquals(List.of(new Finding(SensitiveType.CREDIT_CARD, 9, 9 + card.length())), detector.find(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "4111 1111 1111 1112",       // Luhn-invalid
            "1234 5678 9012 3456",       // Luhn-invalid
            "5018 0000 0009",            // 12 digits: too short
            "41111111111111111111",      // 20 digits in one block
            "0000 0000 0000 0000",       // no card number starts with 0
            "41 11 11 11 11 11 11 11",   // two-digit groups are phone-like, not card-like
            "3.4111111111111111",        // decimals
            "4111111111111111.5",
            "ABC4111111111111111",       // glued to a word
            "4111111111111111XYZ"
    })
    void ignoresLookAlikes(String text) {
        assertEquals(List.of(), detector.find("ref " + text + " ok"));
    }

    @Test
    void takesTheCardOutOfALongerRunOfGroups() {
        String text = "ref 12 4111 1111 1111 1111 done";

        assertEquals(List.of(new Finding(SensitiveType.CREDIT_CARD, 7, 26)), detector.find(text));
    }

    @Test
    void findsSeveralCards() {
        String text = "4111111111111111 or 5555 5555 5555 4444";

        assertEquals(List.of(new Finding(SensitiveType.CREDIT_CARD, 0, 16),
                new Finding(SensitiveType.CREDIT_CARD, 20, 39)), detector.find(text));
    }
}
