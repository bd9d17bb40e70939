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
 * <p>A card number is 13 to 19 digits, Luhn-valid, not starting with 0 (no card scheme issues those), written in one
 * block or in groups of 3 to 6 digits (the last may have 2, as in {@code 3056 9309 0259 04}) separated by single
 * spaces or dashes, which may be mixed ({@code 4111 1111-1111 1111} is a card number typed carelessly, not something
 * else). It is a token of its own: not glued to a letter or digit, not part of a decimal number. Two-digit groups
 * ({@code 41 11 11 11 11 11 11 11}) are read as a phone-like layout, not a card, and other separators (dots, double
 * spaces) end a number. Within a longer run of groups the leftmost card wins, and among cards starting there the
 * longest, so {@code ref 12 4111 1111 1111 1111} still yields the card.
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
        if (text == null || TokenBoundaries.countAsciiDigits(text) < MIN_DIGITS) {
            return List.of();
        }
        List<Span> found = new ArrayList<>(1);
        Groups groups = new Groups();
        int length = text.length();
        int i = 0;
        while (i < length) {
            if (!isAsciiDigit(text.charAt(i))) {
                i++;
                continue;
            }
            groups.clear();
            while (true) {
                int start = i;
                while (i < length && isAsciiDigit(text.charAt(i))) {
                    i++;
                }
                groups.add(start, i);
                if (i + 1 < length && isSeparator(text.charAt(i)) && isAsciiDigit(text.charAt(i + 1))) {
                    i++;
                } else {
                    break;
                }
            }
            findInRun(text, groups, found);
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
            boolean endsToken = last < groups.count - 1 || TokenBoundaries.endsToken(text, groups.ends[last]);
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
        return digits >= MIN_DIGITS && digits <= MAX_DIGITS && text.charAt(groups.starts[first]) != '0'
                && Luhn.isValid(text, groups.starts[first], groups.ends[last]);
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-';
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
