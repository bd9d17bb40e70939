package com.livechat.platform.validation;

import com.livechat.contracts.events.RejectionCode;

import java.util.Optional;

/**
 * What a chat message may contain. The gateway applies these rules to answer at once, the conversation service
 * applies them again because it is the one that stores messages; both use this class so they never disagree.
 */
public final class MessageRules {

    /** The agent desktop's Compose box holds at most 1000 characters (Unicode code points). */
    public static final int AGENT_MAX_CODE_POINTS = 1000;
    /** Customers are not held to the Compose limit, only to a size no chat message reasonably exceeds. */
    public static final int CUSTOMER_MAX_CODE_POINTS = 4000;
    /** Longest wrap-up note, in code points: the gateway answers at once, the conversation service stores it. */
    public static final int WRAP_UP_NOTE_MAX_CODE_POINTS = 1000;
    /** Longest survey comment, in code points. */
    public static final int SURVEY_COMMENT_MAX_CODE_POINTS = 1000;
    /** A satisfaction survey's rating is an integer from 1 to 5. */
    public static final int SURVEY_MIN_RATING = 1;
    public static final int SURVEY_MAX_RATING = 5;
    /** Why text with a control character is refused (also the Bean Validation message of {@link PlainText}). */
    public static final String CONTROL_CHARACTER_REASON =
            "must not contain control characters (U+0000 to U+001F) other than tab, line feed and carriage return";
    /** Why text with half of a UTF-16 surrogate pair is refused. */
    public static final String LONE_SURROGATE_REASON =
            "must be valid Unicode text: it holds half of a character (a lone surrogate)";

    private MessageRules() {
    }

    /** Why an agent message is refused, or empty when it is acceptable. Line breaks are allowed and kept. */
    public static Optional<Violation> checkAgentMessage(String text) {
        Optional<Violation> common = checkNotBlankAndLength(text, AGENT_MAX_CODE_POINTS);
        if (common.isPresent()) {
            return common;
        }
        if (text.indexOf('<') >= 0 || text.indexOf('>') >= 0) {
            return Optional.of(new Violation(RejectionCode.RESERVED_CHARACTERS,
                    "The characters < and > are reserved for message-template parameters and cannot be used in agent messages."));
        }
        return Optional.empty();
    }

    /** Why a customer message is refused, or empty when it is acceptable. */
    public static Optional<Violation> checkCustomerMessage(String text) {
        return checkNotBlankAndLength(text, CUSTOMER_MAX_CODE_POINTS);
    }

    /** Why a wrap-up note is refused, or empty when it is acceptable; no note (null or blank) is acceptable. */
    public static Optional<Violation> checkWrapUpNote(String note) {
        if (note == null || note.isBlank()) {
            return Optional.empty();
        }
        return checkCharactersAndLength(note, WRAP_UP_NOTE_MAX_CODE_POINTS, "A wrap-up note");
    }

    /**
     * Why a satisfaction survey is refused, or empty when it is acceptable: a rating from 1 to 5 and an optional
     * comment (null or blank: none) of at most 1000 characters without control characters.
     */
    public static Optional<Violation> checkSurvey(int rating, String comment) {
        if (rating < SURVEY_MIN_RATING || rating > SURVEY_MAX_RATING) {
            return Optional.of(new Violation(RejectionCode.INVALID_COMMAND, "A rating is a whole number from "
                    + SURVEY_MIN_RATING + " to " + SURVEY_MAX_RATING + "; " + rating + " is not."));
        }
        if (comment == null || comment.isBlank()) {
            return Optional.empty();
        }
        return checkCharactersAndLength(comment, SURVEY_COMMENT_MAX_CODE_POINTS, "A survey comment");
    }

    /**
     * True when {@code text} holds a C0 control character other than tab, line feed and carriage return. Typed text
     * never does, and PostgreSQL refuses U+0000 in a text column: letting one through would fail the insert long
     * after the client was told its request was accepted.
     */
    public static boolean hasControlCharacters(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code text} holds half of a UTF-16 surrogate pair without the other half (JSON's {@code "\\ud800"}).
     * It is no character and has no UTF-8 encoding: Kafka's and PostgreSQL's encoders would silently turn it into
     * {@code ?}, so that what was accepted is not what is stored.
     */
    public static boolean hasLoneSurrogates(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Plain text: no control character but tab and line breaks ({@link #hasControlCharacters}), no lone surrogate. */
    public static boolean isPlainText(CharSequence text) {
        return !hasControlCharacters(text) && !hasLoneSurrogates(text);
    }

    private static Optional<Violation> checkNotBlankAndLength(String text, int maxCodePoints) {
        if (text == null || text.isBlank()) {
            return Optional.of(new Violation(RejectionCode.INVALID_MESSAGE, "A message needs some text."));
        }
        return checkCharactersAndLength(text, maxCodePoints, "A message");
    }

    /** No control character, at most {@code maxCodePoints} code points; {@code subject} starts the reason. */
    private static Optional<Violation> checkCharactersAndLength(String text, int maxCodePoints, String subject) {
        if (hasControlCharacters(text)) {
            return Optional.of(new Violation(RejectionCode.INVALID_MESSAGE, subject + " " + CONTROL_CHARACTER_REASON + "."));
        }
        if (hasLoneSurrogates(text)) {
            return Optional.of(new Violation(RejectionCode.INVALID_MESSAGE, subject + " " + LONE_SURROGATE_REASON + "."));
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxCodePoints) {
            return Optional.of(new Violation(RejectionCode.MESSAGE_TOO_LONG,
                    subject + " may hold at most " + maxCodePoints + " characters; this one has " + length + "."));
        }
        return Optional.empty();
    }

    /** A broken rule: a stable code and a sentence for the person who wrote the message. */
    public record Violation(RejectionCode code, String reason) {
    }
}
