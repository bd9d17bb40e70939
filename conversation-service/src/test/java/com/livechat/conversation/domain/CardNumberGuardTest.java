package com.livechat.conversation.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CardNumberGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "4111111111111111",
            "my card is 4111 1111 1111 1111 thanks",
            "5500-0000-0000-0004",
            "amex 378282246310005",
            "4111 1111 1111 1111 12/27",
            "ref 99 4111 1111 1111 1111",
            "6011111111111117.",
            "4222222222222"})
    void findsLuhnValidCardNumbers(String text) {
        assertTrue(CardNumberGuard.containsCardNumber(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "**** **** **** 1111",
            "***************0004",
            "4111111111111112",
            "4111 1111 1111",
            "order 12345, phone **********7890",
            "41111111111111111111111",
            "4111  1111  1111  1111",
            "2026-11-24T16:46:00Z"})
    void leavesEverythingElse(String text) {
        assertFalse(CardNumberGuard.containsCardNumber(text), text);
    }
}
