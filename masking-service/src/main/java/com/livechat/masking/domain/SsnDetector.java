package com.livechat.masking.domain;

import com.livechat.platform.validation.TokenBoundaries;

import java.util.List;

import static com.livechat.platform.validation.TokenBoundaries.isAsciiDigit;

/**
 * US social security numbers. {@code AAA-GG-SSSS} or {@code AAA GG SSSS} is distinctive enough on its own; a bare
 * run of nine digits is only an SSN when a context word (SSN, social security, sécurité sociale...) is nearby,
 * since order and account numbers often have nine digits too. Numbers the SSA never issues are left alone: area
 * 000, 666 or 900-999, group 00, serial 0000.
 */
public final class SsnDetector implements Detector {

    private static final ContextWords CONTEXT = new ContextWords("ssn", "social security", "soc sec",
            "social-security", "sécurité sociale", "securite sociale", "sécu", "secu");

    @Override
    public int minimumRunDigits() {
        return 9;   // "123-45-6789" and "123456789" are one run of digits
    }

    @Override
    public void collect(String text, int from, int to, List<Finding> into) {
        int i = from;
        while (i < to) {
            if (!isAsciiDigit(text.charAt(i)) || !TokenBoundaries.startsToken(text, i) || continuesNumber(text, i)) {
                i++;
                continue;
            }
            int end = ssnEndingAfter(text, i);
            if (end < 0) {
                i = digitRunEnd(text, i);
                continue;
            }
            into.add(new Finding(SensitiveType.SSN, i, end));
            i = end;
        }
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
        return formatted || CONTEXT.announce(text, start, end) ? end : -1;
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
}
