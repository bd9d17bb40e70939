package com.livechat.masking.domain;

/**
 * How a finding is shown once masked, as in the product's own examples: numbers keep their last four letters or
 * digits ({@code + 1 (123) 456 7890} becomes {@code **********7890}), e-mail addresses their first character and
 * domain ({@code melissa@gmail.com} becomes {@code m******@gmail.com}).
 */
public final class MaskFormat {

    private static final char STAR = '*';
    private static final int KEPT_CHARACTERS = 4;
    private static final char FULL_WIDTH_AT = '\uFF20';

    private MaskFormat() {
    }

    public static String mask(SensitiveType type, String value) {
        return type == SensitiveType.EMAIL ? maskEmail(value) : maskNumber(value);
    }

    /** Whitespace inside the value is dropped; the last four letters or digits stay; every other character is starred. */
    static String maskNumber(String value) {
        char[] masked = new char[value.length()];
        int first = masked.length;
        int kept = 0;
        for (int i = value.length() - 1; i >= 0; i--) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            if (kept < KEPT_CHARACTERS && Character.isLetterOrDigit(c)) {
                masked[--first] = c;
                kept++;
            } else {
                masked[--first] = STAR;
            }
        }
        return new String(masked, first, masked.length - first);
    }

    /**
     * The first character of the local part and the whole {@code @domain} stay; the rest of the local part is starred.
     * The {@code @} may be the full-width {@code ＠} (found in the folded text, kept as typed).
     */
    static String maskEmail(String value) {
        int at = Math.max(value.lastIndexOf('@'), value.lastIndexOf(FULL_WIDTH_AT));
        StringBuilder masked = new StringBuilder(value.length());
        masked.append(value.charAt(0));
        for (int i = 1; i < at; i++) {
            masked.append(STAR);
        }
        return masked.append(value, at, value.length()).toString();
    }
}
