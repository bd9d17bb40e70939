package com.livechat.masking.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a French-speaking contact center's customers type, tried against the masker with its default regions: the
 * cases of issue 13, each masked as the product masks (last four kept, text around kept as typed), and the
 * look-alikes left as they are.
 */
class FrenchAndEuropeanCustomersTest {

    private final SensitiveDataMasker masker = SensitiveDataMasker.withAllDetectors();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "appelez-moi au 06 12 34 56 78          | appelez-moi au ******5678          | PHONE",
            "mon numéro: 0612345678                 | mon numéro: ******5678             | PHONE",
            "UK mobile 07700 900123                 | UK mobile *******0123              | PHONE",
            "mon NIR : 1 85 05 78 006 084 36        | mon NIR : ***********8436          | FR_NIR",
            "numéro de sécu 185057800608436         | numéro de sécu ***********8436     | FR_NIR",
            "NIR 1 85 05 78 006 084 91              | NIR ***********8491                | FR_NIR",
            "ＴＥＬ ０６１２３４５６７８               | ＴＥＬ ******５６７８               | PHONE",
            "carte 4111.1111.1111.1111              | carte ***************1111          | CREDIT_CARD",
            "tél. 06 12 34 56 78, merci             | tél. ******5678, merci             | PHONE",
            "portable ٠٦١٢٣٤٥٦٧٨                    | portable ******٥٦٧٨                | PHONE",
            "NI number AB 12 34 56 C                | NI number *****456C                | UK_NINO",
            "DNI 12.345.678-Z                       | DNI *******678*Z                  | ES_DNI",
            "codice fiscale RSSMRA85T10A562S        | codice fiscale ************562S    | IT_CODICE_FISCALE",
            "registre national 85.07.30-033.28      | registre national **********33*28  | BE_NATIONAL_NUMBER",
            "écrivez à melissa＠gmail.com            | écrivez à m******＠gmail.com        | EMAIL"
    })
    void theIssuesCasesAreMaskedWithTheTextAroundThemAsTyped(String typed, String shown, SensitiveType type) {
        MaskingResult result = masker.mask(typed, MaskingScope.EVERYTHING);

        assertEquals(shown, result.text());
        assertEquals(List.of(type), result.findings().stream().map(Finding::type).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "IMEI 356938035643809",                        // Luhn-valid, but no card scheme issues it
            "je suis sur la v2.10.3", "livraison le 12/05/2026", "expédié le 2026-12-05", "rappel à 14:30",
            "commande CMD-2026-001234", "colis 1Z999AA10123456784", "suivi 6A12345678901",
            "voir rapport.pdf", "photo@2x.png", "écrivez à @jean_dupont",
            "Référence 2125551234 sur l'étiquette",        // a valid US number announced as a reference
            "virement FR76 3000 6000 0112 3456 7890 188 refusé",   // IBAN with wrong check digits
            "le spécimen QQ 12 34 56 C",                   // no NINO starts with Q
            "DNI 12345678A",                               // wrong control letter
            "ticket 185057800608436"                       // a NIR's shape, wrong key, not announced as one
    })
    void lookAlikesStayUntouched(String text) {
        MaskingResult result = masker.mask(text, MaskingScope.EVERYTHING);

        assertEquals(text, result.text());
        assertEquals(List.of(), result.findings());
    }
}
