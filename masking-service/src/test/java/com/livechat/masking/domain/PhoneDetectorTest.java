package com.livechat.masking.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PhoneDetectorTest {

    private final PhoneDetector us = new PhoneDetector("US");

    @ParameterizedTest
    @ValueSource(strings = {
            "+ 1 (123) 456 7890", "+447966197542", "+33 6 12 34 56 78", "+49 30 901820", "(415) 555-2671",
            "415-555-2671", "415.555.2671", "4155552671", "1-800-555-0199", "+1-800-555-0199", "011 33 6 12 34 56 78"
    })
    void findsNumbers(String number) {
        String text = "call me at " + number + " please";

        assertEquals(List.of(new Finding(SensitiveType.PHONE, 11, 11 + number.length())), us.find(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "+1 555 0100",            // "+" but too short to be a complete number
            "2024-118734",            // valid digits, but not grouped like a US number
            "order 1048576233",       // no US number starts with 1 after the trunk prefix is stripped
            "15/03/2024", "2024-03-15", "192.168.1.10", "v10.0.19045.3693", "$1,234.56", "1 234,56 €",
            "06 12 34 56 78"          // a French national number, read in the US region
    })
    void ignoresWhatIsNotAPhoneNumberInTheUs(String text) {
        assertEquals(List.of(), us.find("ref " + text + " ok"));
    }

    @Test
    void readsNationalNumbersInTheConfiguredRegion() {
        PhoneDetector france = new PhoneDetector("FR");

        assertEquals(List.of(new Finding(SensitiveType.PHONE, 11, 25)), france.find("appelez le 06 12 34 56 78 svp"));
    }

    @Test
    void refusesAnUnknownRegion() {
        assertThrows(IllegalArgumentException.class, () -> new PhoneDetector("XX"));
    }
}
