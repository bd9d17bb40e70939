package com.livechat.platform.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.livechat.platform.validation.TokenBoundaries.isAsciiDigit;

/**
 * The one rule of what a payment card number looks like in free text. The masking service masks exactly what this
 * finds and the conversation service refuses to store exactly what this finds (while PCI masking is on), so a text
 * the masker leaves as it is never gets refused afterwards.
 *
 * <p>A card number is 13 to 19 digits, Luhn-valid, in the range and of a length a card scheme issues
 * (the issuer identification numbers of {@link IssuerRanges}: so a Luhn-valid IMEI, timestamp or serial is not a card), written in one block or in groups
 * of 3 to 6 digits (the last may have 2, as in {@code 3056 9309 0259 04}) separated by single spaces, dashes or dots,
 * which may be mixed ({@code 4111 1111-1111 1111} is a card number typed carelessly, not something else). Digits,
 * spaces and dashes may be any of their Unicode forms ({@link AsciiFolding}: full-width digits, no-break spaces...).
 * It is a token of its own: not glued to a letter or digit, not part of a decimal number (a card neither starts nor
 * ends at a dot that joins it to more digits). Two-digit groups ({@code 41 11 11 11 11 11 11 11}) are read as a
 * phone-like layout, not a card, and other separators (double spaces, slashes) end a number. Within a longer run of
 * groups the leftmost card wins, and among cards starting there the longest, so {@code ref 12 4111 1111 1111 1111}
 * still yields the card.
 */
public final class CardNumbers {

    static final int MIN_DIGITS = 13;
    static final int MAX_DIGITS = 19;
    private static final int MIN_GROUP = 3;
    private static final int MIN_LAST_GROUP = 2;
    private static final int MAX_GROUP = 6;

    private CardNumbers() {
    }

    /** Where a card number is in a text: {@code [start, end)} in Java string indices. */
    public record Span(int start, int end) {
    }

    /** Whether {@code text} holds a card number. */
    public static boolean containsCardNumber(String text) {
        return !find(text).isEmpty();
    }

    /** Every card number in {@code text}, in order of position, none overlapping. */
    public static List<Span> find(String text) {
        if (text == null) {
            return List.of();
        }
        return find(text, 0, text.length());
    }

    /**
     * Every card number of {@code text} whose first digit lies in {@code [from, to)}, in order of position, none
     * overlapping; {@code from} must not cut a run of digit groups (the masking service passes the candidate spans
     * of its first pass). Digits before {@code from} and after {@code to} still decide token boundaries.
     */
    public static List<Span> find(String text, int from, int to) {
        String folded = AsciiFolding.fold(text);
        if (TokenBoundaries.countAsciiDigits(folded) < MIN_DIGITS) {
            return List.of();
        }
        List<Span> found = new ArrayList<>(1);
        Groups groups = new Groups();
        int length = folded.length();
        int i = from;
        while (i < to) {
            if (!isAsciiDigit(folded.charAt(i))) {
                i++;
                continue;
            }
            groups.clear();
            while (true) {
                int start = i;
                while (i < length && isAsciiDigit(folded.charAt(i))) {
                    i++;
                }
                groups.add(start, i);
                if (i + 1 < length && isSeparator(folded.charAt(i)) && isAsciiDigit(folded.charAt(i + 1))) {
                    i++;
                } else {
                    break;
                }
            }
            findInRun(folded, groups, found);
        }
        return found;
    }

    /** Cards among the digit groups of one run (groups joined by single separators), leftmost then longest. */
    private static void findInRun(String text, Groups groups, List<Span> found) {
        int first = 0;
        while (first < groups.count) {
            int card = TokenBoundaries.startsToken(text, groups.starts[first]) ? longestCardFrom(text, groups, first)
                    : -1;
            if (card >= 0) {
                found.add(new Span(groups.starts[first], groups.ends[card]));
                first = card + 1;
            } else {
                first++;
            }
        }
    }

    /** The last group of the longest card starting at group {@code first}, or -1. */
    private static int longestCardFrom(String text, Groups groups, int first) {
        // Every group has at least one digit, so no card spans more than MAX_DIGITS groups.
        for (int last = Math.min(groups.count - 1, first + MAX_DIGITS - 1); last >= first; last--) {
            // Inside the run a card may end at a space or dash, not at a dot joining it to more digits (a decimal).
            boolean endsToken = last < groups.count - 1 ? text.charAt(groups.ends[last]) != '.'
                    : TokenBoundaries.endsToken(text, groups.ends[last]);
            if (endsToken && isCard(text, groups, first, last)) {
                return last;
            }
        }
        return -1;
    }

    private static boolean isCard(String text, Groups groups, int first, int last) {
        int digits = 0;
        for (int g = first; g <= last; g++) {
            int size = groups.ends[g] - groups.starts[g];
            int minSize = g == last ? MIN_LAST_GROUP : MIN_GROUP;
            if (first != last && (size < minSize || size > MAX_GROUP)) {
                return false;
            }
            digits += size;
        }
        return digits >= MIN_DIGITS && digits <= MAX_DIGITS
                && IssuerRanges.issues(text, groups.starts[first], groups.ends[last], digits)
                && Luhn.isValid(text, groups.starts[first], groups.ends[last]);
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.';
    }

    /**
     * The issuer identification number ranges of the card schemes a European and North-American contact center sees,
     * with the lengths each issues (ISO/IEC 7812; the schemes' published ranges): Visa 4 (13, 16, 19 digits),
     * Mastercard 51-55 and 2221-2720 (16), American Express 34 and 37 (15), Discover 6011, 644-649, 65 and
     * 622126-622925 (16-19), JCB 3528-3589 (16-19), Diners Club 300-305, 3095 and 36 (14-19), 38-39 (16-19),
     * UnionPay 62 and 81 (16-19), Maestro 50 and 56-69 (13-19). A number outside them (no scheme starts with 0, 1, 7,
     * 8 but 81, or 9) is not a card whatever its checksum.
     */
    static final class IssuerRanges {

        /** {lowest prefix, highest prefix, digits of the prefix, lengths issued as a bit set}. */
        private static final int[][] RANGES = {
                {4, 4, 1, lengths(13, 13) | lengths(16, 16) | lengths(19, 19)},
                {51, 55, 2, lengths(16, 16)},
                {2221, 2720, 4, lengths(16, 16)},
                {34, 34, 2, lengths(15, 15)},
                {37, 37, 2, lengths(15, 15)},
                {6011, 6011, 4, lengths(16, 19)},
                {644, 649, 3, lengths(16, 19)},
                {65, 65, 2, lengths(16, 19)},
                {622126, 622925, 6, lengths(16, 19)},
                {3528, 3589, 4, lengths(16, 19)},
                {300, 305, 3, lengths(14, 19)},
                {3095, 3095, 4, lengths(14, 19)},
                {36, 36, 2, lengths(14, 19)},
                {38, 39, 2, lengths(16, 19)},
                {62, 62, 2, lengths(16, 19)},
                {81, 81, 2, lengths(16, 19)},
                {50, 50, 2, lengths(13, 19)},
                {56, 69, 2, lengths(13, 19)},
        };
        private static final int LONGEST_PREFIX = 6;
        private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000};

        private IssuerRanges() {
        }

        /**
         * Whether a scheme issues cards of {@code digits} digits (at least 13) starting with the digits of
         * {@code text[from, to)}.
         */
        static boolean issues(String text, int from, int to, int digits) {
            int prefix = 0;
            int prefixDigits = 0;
            for (int i = from; i < to && prefixDigits < LONGEST_PREFIX; i++) {
                char c = text.charAt(i);
                if (isAsciiDigit(c)) {
                    prefix = prefix * 10 + (c - '0');
                    prefixDigits++;
                }
            }
            for (int[] range : RANGES) {
                int leading = prefix / POWERS_OF_TEN[LONGEST_PREFIX - range[2]];
                if (leading >= range[0] && leading <= range[1] && (range[3] & (1 << digits)) != 0) {
                    return true;
                }
            }
            return false;
        }

        private static int lengths(int shortest, int longest) {
            int set = 0;
            for (int length = shortest; length <= longest; length++) {
                set |= 1 << length;
            }
            return set;
        }
    }

    /** The {@code [start, end)} of each digit group of a run, reused from run to run. */
    private static final class Groups {
        int[] starts = new int[8];
        int[] ends = new int[8];
        int count;

        void clear() {
            count = 0;
        }

        void add(int start, int end) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = start;
            ends[count++] = end;
        }
    }
}
