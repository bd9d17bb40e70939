package com.livechat.masking.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UkNinoDetectorTest {

    private final UkNinoDetector detector = new UkNinoDetector();

    @ParameterizedTest
    @ValueSource(strings = {"AB123456C", "AB 12 34 56 C", "JM236671B", "OA 75 29 17 A", "ab123456c", "AB 123456 C"})
    void findsNumbersInEveryLayout(String nino) {
        String text = "NI " + nino + " ok";

        assertEquals(List.of(new Finding(SensitiveType.UK_NINO, 3, 3 + nino.length())), detector.find(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "QQ 12 34 56 C",     // the specimen: Q is never a first letter
            "DA123456A",         // D is never a first letter
            "AO123456A",         // O is never a second letter
            "GB123456A",         // a prefix never allocated
            "AB123456E",         // suffix beyond D
            "AB12345C",          // five digits
            "AB1234567C",
            "XAB123456C",        // glued to a letter
            "AB 1 234 56 C"      // gaps where HMRC prints none
    })
    void ignoresWhatHmrcNeverAllocatesAndLookAlikes(String text) {
        assertEquals(List.of(), detector.find("NI " + text + " ok"));
    }
}
