package com.livechat.platform.validation;

import java.util.Locale;

/**
 * Search text turned into a {@code LIKE}/{@code ILIKE} pattern in which the user's {@code %} and {@code _} match
 * themselves, not any text or any character.
 *
 * <p>Every query using these patterns names the escape character: {@code lower(name) like :pattern escape '!'}
 * (SQL and HQL alike). Don't rely on PostgreSQL's default (the backslash): Hibernate renders an HQL {@code like}
 * without {@code escape} as {@code escape ''}, which turns escaping off.
 */
public final class Like {

    /** The escape character of the patterns built here; queries say {@code escape '!'}. */
    public static final char ESCAPE = '!';

    private Like() {
    }

    /** {@code text} with {@code %}, {@code _} and the escape character escaped, so that it matches only itself. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ESCAPE || c == '%' || c == '_') {
                escaped.append(ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /**
     * A pattern matching values that contain {@code search}, stripped of surrounding blanks and lower-cased (compare
     * it with {@code lower(column) like ...} or with {@code ilike}). A null or blank search matches every value.
     */
    public static String containsPattern(String search) {
        return "%" + (search == null ? "" : escape(search.strip().toLowerCase(Locale.ROOT))) + "%";
    }
}
