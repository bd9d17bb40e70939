package com.livechat.masking.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SsnDetectorTest {

    private final SsnDetector detector = new SsnDetector();

    @ParameterizedTest
    @ValueSource(strings = {"123-45-6789", "123 45 6789", "001-01-0001", "665-12-3456", "667-01-2345", "899-99-9999"})
    void findsFormattedNumbersWithoutContext(String ssn) {
        String text = "here: " + ssn + " ok";

        assertEquals(List.of(new Finding(SensitiveType.SSN, 6, 6 + ssn.length())), detector.find(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"000-12-3456", "666-12-3456", "900-12-3456", "987-65-4321", "123-00-4567", "123-45-0000"})
    void ignoresNumbersTheSsaNeverIssues(String ssn) {
        assertEquals(List.of(), detector.find("my SSN is " + ssn));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "My SSN is 123456789", "social security number: 536221234", "SSN#457555462",
            "numéro de sécurité sociale américain : 457555462", "123456789 is my ssn"
    })
    void findsBareNineDigitsNextToAContextWord(String text) {
        List<Finding> findings = detector.find(text);

        assertEquals(1, findings.size());
        assertEquals(9, findings.get(0).length());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "order 123456789 shipped", "my SSN is 123456789, order 987654321 shipped later",
            "the assn code 123456789", "secured with 123456789"
    })
    void leavesOtherNineDigitNumbersAlone(String text) {
        List<Finding> findings = detector.find(text);

        assertTrue(findings.stream().noneMatch(f -> text.substring(f.start(), f.end()).equals("987654321")));
        if (!text.contains("SSN")) {
            assertEquals(List.of(), findings);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"555-123-45-6789", "123-45-6789-12", "1234-45-6789", "123-45-67890", "12345678901"})
    void ignoresPiecesOfLongerNumbers(String text) {
        assertEquals(List.of(), detector.find("SSN " + text));
    }

    @Test
    void issuableRules() {
        assertTrue(SsnDetector.isIssuable("078051120"));
        assertFalse(SsnDetector.isIssuable("666051120"));
        assertFalse(SsnDetector.isIssuable("950051120"));
    }
}
