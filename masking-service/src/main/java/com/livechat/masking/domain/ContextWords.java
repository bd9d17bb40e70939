package com.livechat.masking.domain;

import java.util.List;
import java.util.Locale;

import static com.livechat.platform.validation.TokenBoundaries.isAsciiDigit;

/**
 * Words that announce a number ("SSN", "sécurité sociale"...), looked for close before or after it with no other
 * number in between: in "my SSN is 123456789, order 987654321" only the first number is announced. Whole words only,
 * optionally plural ("SSNs", "ssn#", but not "assn" or "secured"), in any case.
 */
final class ContextWords {

    private static final int BEFORE = 60;
    private static final int AFTER = 30;

    private final List<String> words;

    /** @param words lower-case words or phrases */
    ContextWords(String... words) {
        this.words = List.of(words);
    }

    /** Whether one of the words is within 60 characters before {@code [start, end)} or 30 after it. */
    boolean announce(String text, int start, int end) {
        int from = Math.max(0, start - BEFORE);
        for (int pos = start - 1; pos >= from; pos--) {
            if (isAsciiDigit(text.charAt(pos))) {
                from = pos + 1;
                break;
            }
        }
        int to = Math.min(text.length(), end + AFTER);
        for (int pos = end; pos < to; pos++) {
            if (isAsciiDigit(text.charAt(pos))) {
                to = pos;
                break;
            }
        }
        return contains(text.substring(from, start)) || contains(text.substring(end, to));
    }

    private boolean contains(String fragment) {
        String lowerCase = fragment.toLowerCase(Locale.ROOT);
        for (String word : words) {
            for (int at = lowerCase.indexOf(word); at >= 0; at = lowerCase.indexOf(word, at + 1)) {
                if (isWordAt(lowerCase, at, word.length())) {
                    return true;
                }
            }
        }
        return false;
    }

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
