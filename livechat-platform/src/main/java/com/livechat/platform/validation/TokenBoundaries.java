package com.livechat.platform.validation;

/**
 * Where a number-like token may start and end in free text, so that detectors never match a piece of a longer
 * word or number: not glued to a letter or digit, and not the integer or decimal part of a number such as
 * {@code 3.1415926535897932} or {@code 1,000,000}.
 */
public final class TokenBoundaries {

    private TokenBoundaries() {
    }

    public static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    public static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    public static int countAsciiDigits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isAsciiDigit(text.charAt(i))) {
                digits++;
            }
        }
        return digits;
    }

    /** True when a token may start at {@code start}. */
    public static boolean startsToken(String text, int start) {
        if (start == 0) {
            return true;
        }
        char before = text.charAt(start - 1);
        if (Character.isLetterOrDigit(before)) {
            return false;
        }
        return !(isNumberJoiner(before) && start >= 2 && isAsciiDigit(text.charAt(start - 2)));
    }

    /** True when a token may end just before {@code end}. */
    public static boolean endsToken(String text, int end) {
        if (end == text.length()) {
            return true;
        }
        char after = text.charAt(end);
        if (Character.isLetterOrDigit(after)) {
            return false;
        }
        return !(isNumberJoiner(after) && end + 1 < text.length() && isAsciiDigit(text.charAt(end + 1)));
    }

    private static boolean isNumberJoiner(char c) {
        return c == '.' || c == ',';
    }
}
