package com.livechat.masking.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The product's own examples ("Tableau 1. Exemple"), which must come out exactly as printed. */
class SeedExamplesTest {

    private final SensitiveDataMasker masker = SensitiveDataMasker.withAllDetectors("US");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+ 1 (123) 456 7890 | **********7890 | PHONE",
            "+447966197542      | *********7542  | PHONE",
            "melissa@gmail.com  | m******@gmail.com | EMAIL",
            "4111 1111 1111 1111 | ************1111 | CREDIT_CARD"
    })
    void seedExampleIsMaskedAsPrinted(String original, String expected, SensitiveType type) {
        MaskingResult result = masker.mask(original, MaskingScope.EVERYTHING);

        assertEquals(expected, result.text());
        assertEquals(List.of(new Finding(type, 0, original.length())), result.findings());
    }

    @Test
    void textAroundFindingsIsKeptByteForByte() {
        String text = "Bonjour,  appelez-moi au + 1 (123) 456 7890\tou écrivez à melissa@gmail.com 🙂 merci !";

        MaskingResult result = masker.mask(text, MaskingScope.EVERYTHING);

        assertEquals("Bonjour,  appelez-moi au **********7890\tou écrivez à m******@gmail.com 🙂 merci !",
                result.text());
        assertEquals(List.of(new Finding(SensitiveType.PHONE, 25, 43), new Finding(SensitiveType.EMAIL, 57, 74)),
                result.findings());
    }
}
