package com.livechat.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * The string holds no control character but tab, line feed and carriage return ({@link MessageRules#hasControlCharacters})
 * and no lone surrogate ({@link MessageRules#hasLoneSurrogates}).
 * Put on every string that comes in over REST (body fields, map keys and values, path and query parameters): a
 * U+0000 would otherwise reach PostgreSQL, which refuses it, and turn into a 500 or a command lost after it was
 * accepted. {@code null} is valid (combine with {@code @NotBlank} where a value is required).
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface PlainText {

    String message() default MessageRules.CONTROL_CHARACTER_REASON;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
