package com.livechat.masking.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpanishDniDetectorTest {

    private final SpanishDniDetector detector = new SpanishDniDetector();

    @ParameterizedTest
    @ValueSource(strings = {
            "12345678Z", "12345678-Z", "12.345.678-Z", "12 345 678 Z", "12345678z",
            "X1234567L", "X-1234567-L", "Y1234567X", "Z7029864B"
    })
    void findsDniAndNieNumbersWithTheirControlLetter(String number) {
        String text = "DNI " + number + " ok";

        assertEquals(List.of(new Finding(SensitiveType.ES_DNI, 4, 4 + number.length())), detector.find(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "12345678A",      // control letter of another number
            "X1234567A",
            "W1234567L",      // no NIE starts with W
            "1234567Z",       // seven digits
            "123456789Z",
            "1234.5678-Z",    // dots where the DNI has none
            "12345678Z9"      // glued to a digit
    })
    void ignoresWrongControlLettersAndLookAlikes(String text) {
        assertEquals(List.of(), detector.find("DNI " + text + " ok"));
    }
}
