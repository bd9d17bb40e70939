package com.livechat.masking.domain;

import com.livechat.platform.validation.CardNumbers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class SensitiveDataMaskerTest {

    private final SensitiveDataMasker masker = SensitiveDataMasker.withAllDetectors();

    @Test
    void masksOnlyTheCategoriesInScope() {
        String text = "card 4111 1111 1111 1111, mail melissa@gmail.com";

        assertEquals("card ************1111, mail melissa@gmail.com",
                masker.mask(text, new MaskingScope(true, false)).text());
        assertEquals("card 4111 1111 1111 1111, mail m******@gmail.com",
                masker.mask(text, new MaskingScope(false, true)).text());
        assertEquals(text, masker.mask(text, new MaskingScope(false, false)).text());
    }

    @Test
    void reportsOnlyMaskedFindings() {
        String text = "card 4111 1111 1111 1111, mail melissa@gmail.com";

        assertEquals(List.of(new Finding(SensitiveType.EMAIL, 31, 48)),
                masker.mask(text, new MaskingScope(false, true)).findings());
    }

    @Test
    void validatedPciNumbersWinOverPhoneNumbers() {
        List<Finding> settled = SensitiveDataMasker.settleOverlaps(List.of(
                new Finding(SensitiveType.PHONE, 0, 20),
                new Finding(SensitiveType.CREDIT_CARD, 2, 18),
                new Finding(SensitiveType.EMAIL, 25, 40),
                new Finding(SensitiveType.PHONE, 25, 35)));

        assertEquals(List.of(new Finding(SensitiveType.CREDIT_CARD, 2, 18), new Finding(SensitiveType.EMAIL, 25, 40)),
                settled);
    }

    @Test
    void aCardIsNotMaskedAsAPhoneNumberWhenPciIsOff() {
        // "+4111111111111111" is a possible international number and a valid card at once.
        String text = "+4111111111111111";

        assertEquals(text, masker.mask(text, new MaskingScope(false, true)).text());
    }

    @Test
    void anEmailMadeOfAPhoneNumberIsMaskedOnceAsAnEmail() {
        String text = "text 4155552671@sms.example.com";

        assertEquals(new MaskingResult("text 4*********@sms.example.com",
                List.of(new Finding(SensitiveType.EMAIL, 5, 31))), masker.mask(text, MaskingScope.EVERYTHING));
    }

    @Test
    void aCardWithMixedSeparatorsIsMasked() {
        // The review's example: neither masked nor storable before masker and guard shared one rule.
        String text = "my card 4111 1111-1111 1111 thanks";

        MaskingResult result = masker.mask(text, new MaskingScope(true, false));

        assertEquals("my card *************1111 thanks", result.text());
        assertFalse(CardNumbers.containsCardNumber(result.text()));
    }

    @Test
    void masksWiderWhenTheKeptDigitsWouldFormANewCardNumber() {
        // 4111 1111 1111 4008 is the card; its mask keeps 4008, which with the next groups reads 4008 1111 1111 1000,
        // another Luhn-valid Visa number.
        String text = "4111 1111 1111 4008 1111 1111 1000";

        MaskingResult result = masker.mask(text, MaskingScope.EVERYTHING);

        assertEquals(List.of(new Finding(SensitiveType.CREDIT_CARD, 0, text.length())), result.findings());
        assertEquals("************************1000", result.text());
        assertFalse(CardNumbers.containsCardNumber(result.text()));
    }

    @Test
    void cleanTextComesBackAsTheSameString() {
        String text = "Hello, my order #A-58213 from 2024-03-15 cost $1,234.56 (v2.14.3, 192.168.1.10)";

        MaskingResult result = masker.mask(text, MaskingScope.EVERYTHING);

        assertEquals(text, result.text());
        assertEquals(List.of(), result.findings());
    }
}
