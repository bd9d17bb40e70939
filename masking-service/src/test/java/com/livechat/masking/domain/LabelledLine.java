package com.livechat.masking.domain;

import java.util.ArrayList;
import java.util.List;

/** One line of the labelled corpus: the chat text without its markers and the findings the markers stood for. */
record LabelledLine(int lineNumber, String language, String text, List<Finding> expected) {

    private static final String OPEN = "[[";
    private static final String CLOSE = "]]";

    /** Parses {@code <language> TAB <text with [[TYPE:value]] markers>}. */
    static LabelledLine parse(int lineNumber, String line) {
        int tab = line.indexOf('\t');
        if (tab < 0) {
            throw new IllegalArgumentException("Line " + lineNumber + " has no language column: " + line);
        }
        String marked = line.substring(tab + 1);
        StringBuilder text = new StringBuilder(marked.length());
        List<Finding> expected = new ArrayList<>();
        int pos = 0;
        while (pos < marked.length()) {
            int open = marked.indexOf(OPEN, pos);
            if (open < 0) {
                text.append(marked, pos, marked.length());
                break;
            }
            int colon = marked.indexOf(':', open);
            int close = marked.indexOf(CLOSE, open);
            if (colon < 0 || close < colon) {
                throw new IllegalArgumentException("Line " + lineNumber + " has a broken marker: " + line);
            }
            text.append(marked, pos, open);
            SensitiveType type = SensitiveType.valueOf(marked.substring(open + OPEN.length(), colon));
            int start = text.length();
            text.append(marked, colon + 1, close);
            expected.add(new Finding(type, start, text.length()));
            pos = close + CLOSE.length();
        }
        return new LabelledLine(lineNumber, line.substring(0, tab), text.toString(), List.copyOf(expected));
    }
}
