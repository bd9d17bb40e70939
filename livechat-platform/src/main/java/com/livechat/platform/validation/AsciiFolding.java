package com.livechat.platform.validation;

/**
 * How number-like text is read whatever keyboard typed it: every Unicode decimal digit (full-width {@code ０}, Arabic-
 * Indic {@code ٠}, Devanagari...) reads as its ASCII digit, every Unicode space separator (no-break space, the
 * narrow no-break space French typography puts in numbers, ideographic space...) as a space, every dash and the minus
 * sign as {@code -}, and the full-width forms of ASCII ({@code ＋ ＠ Ｔ}) as their ASCII character.
 *
 * <p>Folding is one character for one character (UTF-16 code unit), so an index into the folded text is the same
 * index into the original: detectors read the folded text and the original stays untouched around what they find.
 * Digits outside the Basic Multilingual Plane (two code units each, such as mathematical digits) are not folded.
 */
public final class AsciiFolding {

    private static final char FULL_WIDTH_FIRST = '\uFF01';
    private static final char FULL_WIDTH_LAST = '\uFF5E';
    private static final int FULL_WIDTH_OFFSET = 0xFEE0;
    private static final char MINUS_SIGN = '\u2212';

    private AsciiFolding() {
    }

    /** The ASCII character {@code c} reads as, or {@code c} itself. */
    public static char fold(char c) {
        if (c < 0x80) {
            return c;
        }
        return foldNonAscii(c);
    }

    /** {@code text} with every character folded; the same instance when there is nothing to fold. */
    public static String fold(String text) {
        int first = firstFolded(text);
        if (first < 0) {
            return text;
        }
        char[] folded = text.toCharArray();
        for (int i = first; i < folded.length; i++) {
            folded[i] = fold(folded[i]);
        }
        return new String(folded);
    }

    /** The index of the first character that folding changes, or -1. */
    public static int firstFolded(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && foldNonAscii(c) != c) {
                return i;
            }
        }
        return -1;
    }

    private static char foldNonAscii(char c) {
        if (c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST) {
            return (char) (c - FULL_WIDTH_OFFSET);
        }
        switch (Character.getType(c)) {
            case Character.DECIMAL_DIGIT_NUMBER:
                return (char) ('0' + Character.digit(c, 10));
            case Character.SPACE_SEPARATOR:
                return ' ';
            case Character.DASH_PUNCTUATION:
                return '-';
            default:
                return c == MINUS_SIGN ? '-' : c;
        }
    }
}
