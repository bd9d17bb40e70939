package com.livechat.masking.policy;

import com.livechat.masking.domain.SensitiveType;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SensitiveTypesTest {

    @Test
    void switchedOffTypesAreStoredByNameAndUnknownNamesAreIgnored() {
        Set<SensitiveType> off = EnumSet.of(SensitiveType.UK_NINO, SensitiveType.CREDIT_CARD);

        assertEquals("CREDIT_CARD,UK_NINO", SensitiveTypes.write(off));
        assertEquals(off, SensitiveTypes.read("CREDIT_CARD,UK_NINO"));
        assertEquals(Set.of(SensitiveType.IBAN), SensitiveTypes.read("PASSPORT,IBAN"));
        assertEquals(Set.of(), SensitiveTypes.read(""));
    }
}
