package com.livechat.masking.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FrenchNirDetectorTest {

    private final FrenchNirDetector detector = new FrenchNirDetector();

    @ParameterizedTest
    @ValueSource(strings = {
            "185057800608491", "1 85 05 78 006 084 91", "1.85.05.78.006.084.91", "1-85-05-78-006-084-91",
            "2 49 07 84 050 075 73", "163100893252046",
            "145092A06184734", "1 45 09 2A 061 847 34", "246092B06557814",   // Corsica: 2A read as 19, 2B as 18
            "1 85 05 78 006 08491"                                        // fewer gaps than the card: still one
    })
    void findsNumbersWithAValidKeyInEveryLayout(String nir) {
        String text = "ref " + nir + " ok";

        assertEquals(List.of(new Finding(SensitiveType.FR_NIR, 4, 4 + nir.length())), detector.find(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "185057800608436",          // key 36 instead of 91
            "1 85 05 78 006 084 90",
            "145092A06184735",
            "585057800608491",          // no sex digit 5
            "185157800608491",          // month 15
            "18505780060849",           // 14 characters
            "1 850 57 80 060 84 91",    // gaps where the card has none
            "1850578006084910"          // part of a longer number
    })
    void ignoresWrongKeysAndLookAlikes(String text) {
        assertEquals(List.of(), detector.find("ref " + text + " ok"));
    }

    @Test
    void masksAWrongKeyWhenTheNumberIsAnnouncedAsANir() {
        // The specimen that circulates in French documentation has the key 36; its real key is 91.
        String text = "mon numéro de sécurité sociale : 1 85 05 78 006 084 36";

        assertEquals(List.of(new Finding(SensitiveType.FR_NIR, 33, 54)), detector.find(text));
        assertEquals(List.of(new Finding(SensitiveType.FR_NIR, 4, 19)), detector.find("NIR 185057800608436"));
    }
}
