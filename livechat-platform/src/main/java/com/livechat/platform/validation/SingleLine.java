package com.livechat.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * A stricter {@link PlainText} for names and contact fields: no control character at all (tab, line feed and carriage
 * return included, U+007F to U+009F too) and no Unicode line or paragraph separator. A line break in a name would
 * forge lines wherever the name is written on its own line: logs, transcripts, e-mails. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = SingleLineValidator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface SingleLine {

    String REASON = "must be a single line without control characters (no tab, line feed or carriage return)";

    String message() default REASON;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
