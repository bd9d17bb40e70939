package com.livechat.masking.domain;

import com.livechat.shared.validation.Luhn;

import java.util.ArrayList;
import java.util.List;

import static com.livechat.masking.domain.TokenBoundaries.isAsciiDigit;

/**
 * Payment card numbers: 13 to 19 digits, written in one block or in groups of 3 to 6 digits (the last one may
 * have 2, as in 3056 9309 0259 04) separated by single spaces or dashes (the same separator throughout), not starting with 0 (no card scheme issues those), and
 * Luhn-valid. Within a longer run of groups the longest valid card wins, so "ref 12 4111 1111 1111 1111" still
 * yields the card.
 */
public final class CreditCardDetector implements Detector {

    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;
    private static final int MIN_GROUP = 3;
    private static final int MIN_LAST_GROUP = 2;
    private static final int MAX_GROUP = 6;
    private static final int MAX_GROUPS = 10;

    @Override
    public List<Finding> find(String text) {
        if (TokenBoundaries.countAsciiDigits(text) < MIN_DIGITS) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>(1);
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isAsciiDigit(text.charAt(i)) || !TokenBoundaries.startsToken(text, i)) {
                i++;
                continue;
            }
            i = scanGroups(text, i, findings);
        }
        return findings;
    }

    /** Reads the run of digit groups starting at {@code start}, records the card in it if any, returns where to resume. */
    private static int scanGroups(String text, int start, List<Finding> findings) {
        int n = text.length();
        int[] starts = new int[MAX_GROUPS];
        int[] ends = new int[MAX_GROUPS];
        int groups = 0;
        char separator = 0;
        int pos = start;
        while (true) {
            starts[groups] = pos;
            while (pos < n && isAsciiDigit(text.charAt(pos))) {
                pos++;
            }
            ends[groups++] = pos;
            if (groups == MAX_GROUPS || pos + 1 >= n || !isAsciiDigit(text.charAt(pos + 1))) {
                break;
            }
            char next = text.charAt(pos);
            if ((next != ' ' && next != '-') || (separator != 0 && next != separator)) {
                break;
            }
            separator = next;
            pos++;
        }
        boolean lastEndsToken = TokenBoundaries.endsToken(text, ends[groups - 1]);
        for (int first = 0; first < groups; first++) {
            for (int last = groups - 1; last >= first; last--) {
                boolean endsWell = last < groups - 1 || lastEndsToken;
                if (endsWell && isCard(text, starts, ends, first, last)) {
                    findings.add(new Finding(SensitiveType.CREDIT_CARD, starts[first], ends[last]));
                    return ends[last];
                }
            }
        }
        return ends[groups - 1];
    }

    private static boolean isCard(String text, int[] starts, int[] ends, int first, int last) {
        int digits = 0;
        for (int g = first; g <= last; g++) {
            int size = ends[g] - starts[g];
            int minSize = g == last ? MIN_LAST_GROUP : MIN_GROUP;
            if (first != last && (size < minSize || size > MAX_GROUP)) {
                return false;
            }
            digits += size;
        }
        return digits >= MIN_DIGITS && digits <= MAX_DIGITS && text.charAt(starts[first]) != '0'
                && Luhn.isValid(text, starts[first], ends[last]);
    }
}
