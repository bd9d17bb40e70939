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

    @ParameterizedTest
    @ValueSource(strings = {
            "06 12 34 56 78", "0612345678", "06.12.34.56.78", "06-12-34-56-78", "0612 345678",   // France
            "0470 12 34 56", "02 123 45 67",                                                       // Belgium
            "044 668 18 00", "079 123 45 67",                                                      // Switzerland
            "621 123 456",                                                                         // Luxembourg
            "030 901820", "0151 23456789",                                                         // Germany
            "612 345 678", "612 34 56 78", "91 123 45 67",                                         // Spain
            "06 6988 4857", "347 123 4567",                                                        // Italy
            "06 12345678", "020 123 4567",                                                         // Netherlands
            "912 345 678",                                                                         // Portugal
            "07700 900123", "020 7946 0958", "07966 197542",                                       // UK
            "087 123 4567",                                                                        // Ireland
            "(415) 555-2671", "1-800-555-0199",                                                    // US, Canada
            "0033 6 12 34 56 78", "+33 (0)6 12 34 56 78", "＋３３ ６ １２ ３４ ５６ ７８"
    })
    void readsTheNationalFormatsOfEveryDefaultRegion(String number) {
        String text = "tel " + number + " merci";

        assertEquals(List.of(new Finding(SensitiveType.PHONE, 4, 4 + number.length())),
                new PhoneDetector().find(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "12/05/2026", "2026-12-05", "15.03.2024", "192.168.10.254", "CMD-2026-001234", "#0612345678",
            "order 0612345678", "colis n° 0612345678", "Reference 2125551234", "Dossier 2026-118734",
            "666-12-3456", "code 482913", "06 123 456 78",   // a French number, but not grouped as one
            "0612 3456 789 012"
    })
    void leavesLookAlikesAloneInEveryDefaultRegion(String text) {
        assertEquals(List.of(), new PhoneDetector().find("ok " + text + " ok"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"06 12 34 56 78 18h", "06 12 34 56 78 2 fois"})
    void takesTheNumberOutOfDigitsThatGoOnWhenItIsGroupedExactlyAsItsRegionWritesIt(String text) {
        assertEquals(List.of(new Finding(SensitiveType.PHONE, 0, 14)), new PhoneDetector().find(text));
    }

    @Test
    void refusesAnUnknownRegion() {
        assertThrows(IllegalArgumentException.class, () -> new PhoneDetector("XX"));
    }
}
