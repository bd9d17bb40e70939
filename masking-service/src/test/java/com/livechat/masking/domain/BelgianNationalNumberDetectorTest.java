package com.livechat.masking.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BelgianNationalNumberDetectorTest {

    private final BelgianNationalNumberDetector detector = new BelgianNationalNumberDetector();

    @ParameterizedTest
    @ValueSource(strings = {
            "85073003328", "85.07.30-033.28", "85 07 30 033 28", "850730-033.28",
            "02080951521",       // born in 2002: the check counts a leading 2
            "14010937375"
    })
    void findsNumbersWithAValidCheckInEveryLayout(String number) {
        String text = "NN " + number + " ok";

        assertEquals(List.of(new Finding(SensitiveType.BE_NATIONAL_NUMBER, 3, 3 + number.length())),
                detector.find(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "85073003329",        // wrong check
            "85.07.30-033.29",
            "85133003328",        // month 13
            "85073203328",        // day 32
            "8507300332",         // ten digits
            "850.730.033.28",     // gaps where the card has none
            "07966197542"         // a UK mobile number: month 96
    })
    void ignoresWrongChecksAndLookAlikes(String text) {
        assertEquals(List.of(), detector.find("NN " + text + " ok"));
    }
}
