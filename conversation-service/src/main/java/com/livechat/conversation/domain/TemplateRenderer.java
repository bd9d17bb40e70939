package com.livechat.conversation.domain;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a message template: each {@code <name>} is replaced by the conversation's value for that parameter
 * (customerName, queueName, agentName or any CAD variable). A template whose parameter has no value is refused
 * rather than sent half-filled.
 */
public final class TemplateRenderer {

    /** A parameter name: a letter, then letters, digits, '_', '-' or '.'. */
    public static final Pattern PARAMETER = Pattern.compile("<([A-Za-z][A-Za-z0-9_.-]*)>");

    private TemplateRenderer() {
    }

    /** Why {@code body} is not a usable template, or empty: every '<' and '>' must belong to a parameter. */
    public static Optional<String> checkBody(String body) {
        String withoutParameters = PARAMETER.matcher(body).replaceAll("");
        if (withoutParameters.indexOf('<') >= 0 || withoutParameters.indexOf('>') >= 0) {
            return Optional.of("The characters < and > may only surround a parameter name, as in <customerName>.");
        }
        return Optional.empty();
    }

    /** The filled text, or the name of the first parameter without a value. */
    public static Result render(String body, Map<String, String> values) {
        Matcher matcher = PARAMETER.matcher(body);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                return new Result(null, matcher.group(1));
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return new Result(filled.toString(), null);
    }

    /** Either {@code text} (filled) or {@code missingParameter}. */
    public record Result(String text, String missingParameter) {

        public boolean complete() {
            return missingParameter == null;
        }
    }
}
