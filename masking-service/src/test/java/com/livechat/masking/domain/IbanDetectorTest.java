package com.livechat.masking.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IbanDetectorTest {

    private final IbanDetector detector = new IbanDetector();

    @ParameterizedTest
    @ValueSource(strings = {
            "DE89 3704 0044 0532 0130 00", "DE89370400440532013000", "de89 3704 0044 0532 0130 00",
            "FR14 2004 1010 0505 0001 3M02 606", "GB82 WEST 1234 5698 7654 32", "NO93 8601 1117 947",
            "MT84 MALT 0110 0001 2345 MTLC AST0 01S", "BR18 0036 0305 0000 1000 9795 493C 1", "BE68539007547034"
    })
    void findsValidIbansWithOrWithoutSpaces(String iban) {
        String text = "IBAN : " + iban + ". Merci";

        assertEquals(List.of(new Finding(SensitiveType.IBAN, 7, 7 + iban.length())), detector.find(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "DE88 3704 0044 0532 0130 00",     // wrong check digits
            "FR15 2004 1010 0505 0001 3M02 606",
            "DE89 3704 0044 0532 0130 0",      // one character short for Germany
            "DE89 3704 0044 0532 0130 001",    // one character too long
            "XX89 3704 0044 0532 0130 00",     // not a country of the registry
            "DE89  3704 0044 0532 0130 00",    // double space breaks the number
            "ZDE89370400440532013000"          // glued to a letter
    })
    void ignoresInvalidIbans(String text) {
        assertEquals(List.of(), detector.find("compte " + text + " fin"));
    }

    @Test
    void stopsAtTheCountryLengthWhenTextFollows() {
        String text = "FR76 3000 6000 0112 3456 7890 189 merci";

        assertEquals(List.of(new Finding(SensitiveType.IBAN, 0, 33)), detector.find(text));
    }

    @Test
    void checkDigitsFollowIso7064() {
        assertTrue(IbanDetector.hasValidCheckDigits("GB82WEST12345698765432".toCharArray()));
        assertFalse(IbanDetector.hasValidCheckDigits("GB83WEST12345698765432".toCharArray()));
        // Check digits 00, 01 and 99 are never issued.
        assertFalse(IbanDetector.hasValidCheckDigits("GB00WEST12345698765432".toCharArray()));
    }
}
