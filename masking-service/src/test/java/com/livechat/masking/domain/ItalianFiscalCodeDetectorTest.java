package com.livechat.masking.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ItalianFiscalCodeDetectorTest {

    private final ItalianFiscalCodeDetector detector = new ItalianFiscalCodeDetector();

    @ParameterizedTest
    @ValueSource(strings = {
            "RSSMRA85T10A562S", "rssmra85t10a562s", "NNOTTA96P42D196N", "DDOPSA75A11Z531J",
            "RSSMRA85T10A56NH"   // omocodia: the last digit 2 written N, check letter recomputed
    })
    void findsCodesWithAValidCheckLetter(String code) {
        String text = "CF " + code + " ok";

        assertEquals(List.of(new Finding(SensitiveType.IT_CODICE_FISCALE, 3, 3 + code.length())),
                detector.find(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "RSSMRA85T10A562X",   // wrong check letter
            "RSSMRA85Z10A562S",   // Z is no month
            "RSSMRA85T35A562S",   // day 35
            "RSSMRA85T10A562",    // fifteen characters
            "XRSSMRA85T10A562S",  // part of a longer word
            "ABCDEFGHIJKLMNOP"
    })
    void ignoresWrongCheckLettersAndLookAlikes(String text) {
        assertEquals(List.of(), detector.find("CF " + text + " ok"));
    }
}
