package com.livechat.masking.domain;

import com.livechat.platform.validation.TokenBoundaries;

import java.util.List;

/**
 * A national identifier of a fixed number of letters and digits, written compact or with single separators where
 * its official layout puts them ({@code 1 85 05 78 006 084 36}, {@code 85.07.30-033.28}, {@code AB 12 34 56 C}),
 * never elsewhere, and validated by its checksum or structure by the subclass. It is a token of its own: not glued
 * to a letter or digit, nor part of a longer number.
 */
abstract class FixedLayoutDetector implements Detector {

    private final SensitiveType type;
    private final int units;
    private final int groupBoundaries;
    private final String separators;

    /**
     * @param units           letters and digits of the identifier
     * @param groupBoundaries after how many units a separator may stand (bit k set: after k units)
     * @param separators      the separators its layout uses
     */
    FixedLayoutDetector(SensitiveType type, int units, int groupBoundaries, String separators) {
        this.type = type;
        this.units = units;
        this.groupBoundaries = groupBoundaries;
        this.separators = separators;
    }

    /** The set of boundaries {@code after} units into the identifier, for {@code groupBoundaries}. */
    static int boundaries(int... after) {
        int set = 0;
        for (int units : after) {
            set |= 1 << units;
        }
        return set;
    }

    /** Whether an identifier may start with {@code c} (folded text). */
    abstract boolean mayStartWith(char c);

    /** Whether these units (upper-cased letters and digits, separators left out) are a valid identifier. */
    abstract boolean isValid(char[] units);

    /** Whether the identifier read as {@code units} at {@code text[start, end)} is one; by default {@link #isValid}. */
    boolean isValid(char[] units, String text, int start, int end) {
        return isValid(units);
    }

    @Override
    public void collect(String text, int from, int to, List<Finding> into) {
        char[] read = null;
        int i = from;
        while (i < to) {
            int tokenEnd = i;
            while (tokenEnd < text.length() && isAsciiLetterOrDigit(text.charAt(tokenEnd))) {
                tokenEnd++;
            }
            // Only a token whose first group has a length the layout allows can start an identifier.
            int firstGroup = tokenEnd - i;
            if (firstGroup > 0 && firstGroup <= units && ((groupBoundaries | 1 << units) & 1 << firstGroup) != 0
                    && mayStartWith(text.charAt(i)) && TokenBoundaries.startsToken(text, i)) {
                if (read == null) {
                    read = new char[units];
                }
                int end = read(text, i, read);
                if (end > 0 && TokenBoundaries.endsToken(text, end) && isValid(read, text, i, end)) {
                    into.add(new Finding(type, i, end));
                    i = end;
                    continue;
                }
            }
            i = Math.max(tokenEnd, i + 1);
        }
    }

    /** Reads the units from {@code start} into {@code read}; the end of the identifier, or -1. */
    private int read(String text, int start, char[] read) {
        int pos = start;
        int n = text.length();
        for (int unit = 0; unit < units; unit++) {
            if (pos >= n) {
                return -1;
            }
            char c = text.charAt(pos);
            if (unit > 0 && (groupBoundaries & (1 << unit)) != 0 && separators.indexOf(c) >= 0 && pos + 1 < n) {
                c = text.charAt(++pos);
            }
            if (!isAsciiLetterOrDigit(c)) {
                return -1;
            }
            read[unit] = Character.toUpperCase(c);
            pos++;
        }
        return pos;
    }

    static boolean isAsciiLetterOrDigit(char c) {
        return TokenBoundaries.isAsciiDigit(c) || TokenBoundaries.isAsciiLetter(c);
    }

    static boolean allDigits(char[] units, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!TokenBoundaries.isAsciiDigit(units[i])) {
                return false;
            }
        }
        return true;
    }

    static long number(char[] units, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (units[i] - '0');
        }
        return value;
    }
}
