package com.livechat.masking.domain;

import com.livechat.platform.validation.TokenBoundaries;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.livechat.platform.validation.TokenBoundaries.isAsciiDigit;

/**
 * US social security numbers. {@code AAA-GG-SSSS} or {@code AAA GG SSSS} is distinctive enough on its own; a bare
 * run of nine digits is only an SSN when a context word (SSN, social security, sécurité sociale...) is nearby,
 * since order and account numbers often have nine digits too. Numbers the SSA never issues are left alone: area
 * 000, 666 or 900-999, group 00, serial 0000.
 */
public final class SsnDetector implements Detector {

    private static final int CONTEXT_BEFORE = 60;
    private static final int CONTEXT_AFTER = 30;
    private static final String[] CONTEXT_WORDS = {
            "ssn", "social security", "soc sec", "social-security",
            "sécurité sociale", "securite sociale", "sécu", "secu"
    };

    @Override
    public List<Finding> find(String text) {
        if (TokenBoundaries.countAsciiDigits(text) < 9) {
            return List.of();
        }
        List<Finding> findings = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isAsciiDigit(text.charAt(i)) || !TokenBoundaries.startsToken(text, i) || continuesNumber(text, i)) {
                i++;
                continue;
            }
            int end = ssnEndingAfter(text, i);
            if (end < 0) {
                i = digitRunEnd(text, i);
                continue;
            }
            if (findings == null) {
                findings = new ArrayList<>(1);
            }
            findings.add(new Finding(SensitiveType.SSN, i, end));
            i = end;
        }
        return findings == null ? List.of() : findings;
    }

    /** The end of the SSN starting at {@code start}, or -1. */
    private static int ssnEndingAfter(String text, int start) {
        int areaEnd = digitRunEnd(text, start);
        int end;
        boolean formatted;
        if (areaEnd - start == 3 && areaEnd < text.length()) {
            char separator = text.charAt(areaEnd);
            if (separator != '-' && separator != ' ') {
                return -1;
            }
            int groupEnd = digitRunEnd(text, areaEnd + 1);
            if (groupEnd - areaEnd != 3 || groupEnd >= text.length() || text.charAt(groupEnd) != separator) {
                return -1;
            }
            end = digitRunEnd(text, groupEnd + 1);
            if (end - groupEnd != 5) {
                return -1;
            }
            formatted = true;
        } else if (areaEnd - start == 9) {
            end = areaEnd;
            formatted = false;
        } else {
            return -1;
        }
        if (!TokenBoundaries.endsToken(text, end) || numberFollows(text, end)) {
            return -1;
        }
        String digits = formatted ? text.substring(start, start + 3) + text.substring(start + 4, start + 6)
                + text.substring(start + 7, end) : text.substring(start, end);
        if (!isIssuable(digits)) {
            return -1;
        }
        return formatted || hasContext(text, start, end) ? end : -1;
    }

    /** Area 001-665 or 667-899, group 01-99, serial 0001-9999. */
    static boolean isIssuable(String nineDigits) {
        int area = Integer.parseInt(nineDigits.substring(0, 3));
        int group = Integer.parseInt(nineDigits.substring(3, 5));
        int serial = Integer.parseInt(nineDigits.substring(5, 9));
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
    }

    private static int digitRunEnd(String text, int from) {
        int pos = from;
        while (pos < text.length() && isAsciiDigit(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    /** "555-123-45-6789": the digits are the tail of a longer separated number, not an SSN of their own. */
    private static boolean continuesNumber(String text, int start) {
        return start >= 2 && (text.charAt(start - 1) == '-' || text.charAt(start - 1) == ' ')
                && isAsciiDigit(text.charAt(start - 2));
    }

    private static boolean numberFollows(String text, int end) {
        return end + 1 < text.length() && (text.charAt(end) == '-' || text.charAt(end) == ' ')
                && isAsciiDigit(text.charAt(end + 1));
    }

    /**
     * A context word close before or after the number, with no other number in between: in "my SSN is 123456789,
     * order 987654321" only the first number is the SSN.
     */
    private static boolean hasContext(String text, int start, int end) {
        int from = Math.max(0, start - CONTEXT_BEFORE);
        for (int pos = start - 1; pos >= from; pos--) {
            if (isAsciiDigit(text.charAt(pos))) {
                from = pos + 1;
                break;
            }
        }
        int to = Math.min(text.length(), end + CONTEXT_AFTER);
        for (int pos = end; pos < to; pos++) {
            if (isAsciiDigit(text.charAt(pos))) {
                to = pos;
                break;
            }
        }
        return containsContextWord(text.substring(from, start)) || containsContextWord(text.substring(end, to));
    }

    private static boolean containsContextWord(String fragment) {
        String lowerCase = fragment.toLowerCase(Locale.ROOT);
        for (String word : CONTEXT_WORDS) {
            for (int at = lowerCase.indexOf(word); at >= 0; at = lowerCase.indexOf(word, at + 1)) {
                if (isWordAt(lowerCase, at, word.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A whole word, optionally plural: "SSN", "SSNs", "ssn#" but not "assn" or "secured". */
    private static boolean isWordAt(String window, int at, int length) {
        if (at > 0 && Character.isLetter(window.charAt(at - 1))) {
            return false;
        }
        int after = at + length;
        if (after < window.length() && window.charAt(after) == 's') {
            after++;
        }
        return after >= window.length() || !Character.isLetter(window.charAt(after));
    }
}
