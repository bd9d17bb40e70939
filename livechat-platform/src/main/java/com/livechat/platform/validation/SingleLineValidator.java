package com.livechat.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link SingleLine}. */
public class SingleLineValidator implements ConstraintValidator<SingleLine, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null || isSingleLine(value)) {
            return true;
        }
        if (context != null && isSingleLine(value.toString().replaceAll("\\p{Cs}", "x"))) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(MessageRules.LONE_SURROGATE_REASON).addConstraintViolation();
        }
        return false;
    }

    /**
     * No ISO control character (U+0000 to U+001F, U+007F to U+009F), no U+2028 or U+2029, and no lone surrogate
     * ({@link MessageRules#hasLoneSurrogates}).
     */
    public static boolean isSingleLine(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return !MessageRules.hasLoneSurrogates(value);
    }
}
