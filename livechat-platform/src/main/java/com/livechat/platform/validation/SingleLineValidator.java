package com.livechat.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link SingleLine}. */
public class SingleLineValidator implements ConstraintValidator<SingleLine, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || isSingleLine(value);
    }

    /** No ISO control character (U+0000 to U+001F, U+007F to U+009F) and no U+2028 or U+2029. */
    public static boolean isSingleLine(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }
}
