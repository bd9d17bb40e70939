package com.livechat.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PlainText}. */
public class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null || MessageRules.isPlainText(value)) {
            return true;
        }
        if (context != null && !MessageRules.hasControlCharacters(value)) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(MessageRules.LONE_SURROGATE_REASON).addConstraintViolation();
        }
        return false;
    }
}
