package com.livechat.masking.domain;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaskingScopeTest {

    @Test
    void aTypeIsMaskedWhenItsCategoryIsOnAndItIsNotSwitchedOff() {
        MaskingScope scope = new MaskingScope(true, true, Set.of(SensitiveType.IT_CODICE_FISCALE));

        assertTrue(scope.covers(SensitiveType.FR_NIR));
        assertTrue(scope.covers(SensitiveType.PHONE));
        assertFalse(scope.covers(SensitiveType.IT_CODICE_FISCALE));
        assertFalse(new MaskingScope(false, true).covers(SensitiveType.FR_NIR));
    }

    @Test
    void everyTypeIsOnByDefault() {
        for (SensitiveType type : SensitiveType.values()) {
            assertTrue(MaskingScope.EVERYTHING.covers(type), type.name());
            assertTrue(MaskingPolicy.FAIL_SAFE.masks(type), type.name());
        }
    }

    @Test
    void theMaskerLeavesASwitchedOffTypeInClear() {
        SensitiveDataMasker masker = SensitiveDataMasker.withAllDetectors();
        String text = "NI AB 12 34 56 C, NIR 185057800608491";

        assertEquals("NI AB 12 34 56 C, NIR ***********8491",
                masker.mask(text, new MaskingScope(true, true, Set.of(SensitiveType.UK_NINO))).text());
    }
}
