package com.livechat.masking.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MaskFormatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PHONE       | + 1 (123) 456 7890                | **********7890",
            "PHONE       | (415) 555-2671                    | *********2671",
            "CREDIT_CARD | 4111-1111-1111-1111               | ***************1111",
            "SSN         | 123-45-6789                       | *******6789",
            "IBAN        | FR14 2004 1010 0505 0001 3M02 606 | ***********************2606",
            "IBAN        | GB82 WEST 1234 5698 7654 32       | ******************5432",
            "PHONE       | 415-555-26-71                     | ********26*71",
            "EMAIL       | melissa@gmail.com                 | m******@gmail.com",
            "EMAIL       | a@b.io                            | a@b.io",
            "EMAIL       | jean.dupont+sav@orange.fr         | j**************@orange.fr"
    })
    void masksAsTheProductShowsIt(SensitiveType type, String value, String expected) {
        assertEquals(expected, MaskFormat.mask(type, value));
    }
}
