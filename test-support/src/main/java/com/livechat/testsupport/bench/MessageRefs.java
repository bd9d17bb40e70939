package com.livechat.testsupport.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference the load tools (the bench, the fault suite) put at the start of every message they send, {@code ref-}
 * and letters: how a message is known again on every screen it reaches.
 */
public final class MessageRefs {

    private static final Pattern IN_TEXT = Pattern.compile("ref-([a-z]+)");

    private MessageRefs() {
    }

    /** The {@code n}-th reference: letters only, so that no masking rule (digits, e-mail) ever touches it. */
    public static String letters(long n) {
        StringBuilder letters = new StringBuilder();
        do {
            letters.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return letters.toString();
    }

    /** A message text: the reference first, then {@code rest}. */
    public static String text(String ref, String rest) {
        return "ref-" + ref + rest;
    }

    /** The reference a received text starts with, or null (a message none of the tools sent). */
    public static String find(String text) {
        Matcher matcher = IN_TEXT.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}
