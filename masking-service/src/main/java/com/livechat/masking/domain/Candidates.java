package com.livechat.masking.domain;

import com.livechat.platform.validation.AsciiFolding;

import java.util.Arrays;

/**
 * The masker's first pass: one scan of the text, character by character, that finds where sensitive data could be
 * at all, so that clean text (most chat lines) is rejected before any detector runs and detectors only look at
 * those spans. A line with no candidate costs this scan and nothing else: no allocation.
 *
 * <ul>
 * <li>{@link #NUMBER}: a run of digits joined by single separators ({@code space - . / ( ) +}) holding at least
 * {@value #MIN_RUN_DIGITS} digits: every card, IBAN, national identifier and phone number has one. The span starts
 * up to {@value #LOOK_BEHIND} letters, digits or separators earlier, where a country code, a {@code +} or the
 * letters of an identifier ({@code GB82 WEST 1234...}, {@code AB 12 34 56 C}) begin.</li>
 * <li>{@link #AT}: an {@code @}, from which e-mail addresses are read outwards.</li>
 * <li>{@link #LONG_TOKEN}: letters and digits of at least {@value #MIN_LONG_TOKEN} characters mixing both: an
 * Italian tax code or an IBAN whose account part is mostly letters.</li>
 * </ul>
 *
 * Digits, spaces and dashes count in every Unicode form ({@link AsciiFolding}); {@link #needsFolding} says whether
 * the text has any that is not ASCII.
 */
final class Candidates {

    static final int NUMBER = 1;
    static final int AT = 2;
    static final int LONG_TOKEN = 4;

    static final int MIN_RUN_DIGITS = 6;
    static final int LOOK_BEHIND = 12;
    static final int MIN_LONG_TOKEN = 15;
    /** Separators in a row that still join two digit groups: {@code ") "} in {@code (415) 555-2671}. */
    private static final int MAX_JOINING_SEPARATORS = 2;

    private static final byte OTHER = 0;
    private static final byte DIGIT = 1;
    private static final byte LETTER = 2;
    private static final byte SEPARATOR = 3;
    private static final byte AT_SIGN = 4;
    private static final byte[] ASCII_CLASSES = new byte[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            ASCII_CLASSES[c] = DIGIT;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_CLASSES[c] = LETTER;
            ASCII_CLASSES[Character.toUpperCase(c)] = LETTER;
        }
        for (char c : " -./()+".toCharArray()) {
            ASCII_CLASSES[c] = SEPARATOR;
        }
        ASCII_CLASSES['@'] = AT_SIGN;
    }

    /** {start, end, kinds, longest run of digits} per span, sorted and merged. */
    private static final int FIELDS = 4;
    private int[] spans = new int[2 * FIELDS];
    private int count;
    private boolean needsFolding;

    private Candidates() {
    }

    /** The candidate spans of {@code text}, or null when it has none (the text is clean). */
    static Candidates of(String text) {
        // Every kind of candidate holds a digit or an @: text without either (many chat lines) needs no more.
        if (!hasDigitOrAt(text)) {
            return null;
        }
        Candidates found = null;
        boolean folds = false;
        int runStart = -1;
        int runEnd = -1;
        int runDigits = 0;
        int separators = 0;
        int tokenStart = -1;
        boolean tokenDigit = false;
        boolean tokenLetter = false;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            byte kind;
            if (i == n) {
                kind = OTHER;
            } else {
                char c = text.charAt(i);
                if (c < 0x80) {
                    kind = ASCII_CLASSES[c];
                } else {
                    char folded = AsciiFolding.fold(c);
                    if (folded != c) {
                        folds = true;
                        kind = folded < 0x80 ? ASCII_CLASSES[folded] : OTHER;
                    } else {
                        kind = Character.isLetter(c) ? LETTER : OTHER;
                    }
                }
            }
            if (kind == DIGIT) {
                if (runDigits == 0) {
                    runStart = i;
                }
                runDigits++;
                runEnd = i + 1;
                separators = 0;
            } else if (kind == SEPARATOR && runDigits > 0 && ++separators <= MAX_JOINING_SEPARATORS) {
                // the run goes on if a digit follows
            } else if (runDigits > 0) {
                if (runDigits >= MIN_RUN_DIGITS) {
                    found = add(found, text, lookBehind(text, runStart), runEnd, NUMBER, runDigits);
                }
                runDigits = 0;
                separators = 0;
            }
            if (kind == DIGIT || kind == LETTER) {
                if (tokenStart < 0) {
                    tokenStart = i;
                    tokenDigit = false;
                    tokenLetter = false;
                }
                tokenDigit |= kind == DIGIT;
                tokenLetter |= kind == LETTER;
            } else if (tokenStart >= 0) {
                if (i - tokenStart >= MIN_LONG_TOKEN && tokenDigit && tokenLetter) {
                    found = add(found, text, tokenStart, i, LONG_TOKEN, 0);
                }
                tokenStart = -1;
            }
            if (kind == AT_SIGN) {
                found = add(found, text, i, i + 1, AT, 0);
            }
        }
        if (found != null) {
            found.needsFolding = folds;
        }
        return found;
    }

    private static boolean hasDigitOrAt(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            byte kind = c < 0x80 ? ASCII_CLASSES[c] : classOfFolded(AsciiFolding.fold(c));
            if (kind == DIGIT || kind == AT_SIGN) {
                return true;
            }
        }
        return false;
    }

    private static byte classOfFolded(char folded) {
        return folded < 0x80 ? ASCII_CLASSES[folded] : OTHER;
    }

    private static Candidates add(Candidates found, String text, int start, int end, int kinds, int runDigits) {
        Candidates candidates = found == null ? new Candidates() : found;
        candidates.add(start, end, kinds, runDigits);
        return candidates;
    }

    /** Where a finding around the run starting at {@code runStart} could begin: letters, digits and separators. */
    private static int lookBehind(String text, int runStart) {
        int start = runStart;
        while (start > 0 && runStart - start < LOOK_BEHIND && joinsRun(AsciiFolding.fold(text.charAt(start - 1)))) {
            start--;
        }
        return start;
    }

    private static boolean joinsRun(char c) {
        return c < 0x80 && ASCII_CLASSES[c] != OTHER && ASCII_CLASSES[c] != AT_SIGN;
    }

    /** Adds a span, merged with the last one when they overlap or touch (spans arrive in order of their end). */
    private void add(int start, int end, int kinds, int runDigits) {
        int last = (count - 1) * FIELDS;
        if (count > 0 && start <= spans[last + 1]) {
            spans[last] = Math.min(spans[last], start);
            spans[last + 1] = Math.max(spans[last + 1], end);
            spans[last + 2] |= kinds;
            spans[last + 3] = Math.max(spans[last + 3], runDigits);
            return;
        }
        if ((count + 1) * FIELDS > spans.length) {
            spans = Arrays.copyOf(spans, spans.length * 2);
        }
        int at = count * FIELDS;
        spans[at] = start;
        spans[at + 1] = end;
        spans[at + 2] = kinds;
        spans[at + 3] = runDigits;
        count++;
    }

    int count() {
        return count;
    }

    int start(int span) {
        return spans[span * FIELDS];
    }

    int end(int span) {
        return spans[span * FIELDS + 1];
    }

    int kinds(int span) {
        return spans[span * FIELDS + 2];
    }

    /** The most digits of one run in the span (digits joined by single separators); 0 for other kinds. */
    int longestRun(int span) {
        return spans[span * FIELDS + 3];
    }

    /** Whether the text holds a non-ASCII digit, space or dash that detectors must read folded. */
    boolean needsFolding() {
        return needsFolding;
    }
}
