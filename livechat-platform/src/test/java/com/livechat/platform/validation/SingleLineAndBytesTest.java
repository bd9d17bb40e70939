package com.livechat.platform.validation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SingleLineAndBytesTest {

    @Test
    void aSingleLineHasNoControlCharacterNorLineSeparator() {
        assertTrue(SingleLineValidator.isSingleLine("Jean-Éloïse O'Neil 😀 ‏שלום"));
        for (String bad : new String[] {"a\rb", "a\nb", "a\tb", "a\u0000b", "a\u007fb", "a\u0085b", "a\u2028b", "a\u2029b"}) {
            assertFalse(SingleLineValidator.isSingleLine(bad), bad);
        }
    }

    @Test
    void utf8BytesAreCountedNotCharacters() {
        MaxUtf8BytesValidator validator = new MaxUtf8BytesValidator();
        validator.initialize(new MaxUtf8Bytes() {
            public int value() {
                return MaxUtf8Bytes.BCRYPT;
            }

            public String message() {
                return "";
            }

            public Class<?>[] groups() {
                return new Class<?>[0];
            }

            @SuppressWarnings("unchecked")
            public Class<? extends jakarta.validation.Payload>[] payload() {
                return new Class[0];
            }

            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return MaxUtf8Bytes.class;
            }
        });
        assertTrue(validator.isValid("é".repeat(36), null));
        assertFalse(validator.isValid("é".repeat(36) + "x", null));
        assertFalse(validator.isValid("😀".repeat(19), null));
        assertTrue(validator.isValid(null, null));
    }
}
