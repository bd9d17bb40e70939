package com.livechat.masking.domain;

import java.util.List;

/**
 * E-mail addresses, found from each {@code @} outwards rather than with a backtracking regular expression: a local
 * part of letters, digits and {@code . _ % + -} (at most 64 characters, no leading, trailing or doubled dot) and a
 * domain of at least two labels (letters, digits, inner hyphens, at most 63 characters each) ending in a top-level
 * domain that exists ({@link TopLevelDomains}, IANA's list). Letters may be non-ASCII (internationalised addresses).
 *
 * <p>Look-alikes left alone: a handle ({@code @jean_dupont}, nothing before the {@code @}), a file name
 * ({@code photo@2x.png}: {@code png} is no top-level domain; {@code icon@2x.zip}: a first label {@code 2x}, {@code 3x}
 * is the pixel-density suffix of image assets, not a mail domain), {@code price@5.99}.
 */
public final class EmailDetector implements Detector {

    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;
    private static final int MAX_LABEL = 63;

    @Override
    public int candidateKinds() {
        return Candidates.AT;
    }

    @Override
    public void collect(String text, int from, int to, List<Finding> into) {
        int resumeFrom = 0;
        if (!into.isEmpty() && into.get(into.size() - 1).type() == SensitiveType.EMAIL) {
            resumeFrom = into.get(into.size() - 1).end();
        }
        for (int at = text.indexOf('@', Math.max(from, resumeFrom)); at >= 0 && at < to;
                at = text.indexOf('@', Math.max(at + 1, resumeFrom))) {
            Finding finding = emailAround(text, at, resumeFrom);
            if (finding != null) {
                into.add(finding);
                resumeFrom = finding.end();
            }
        }
    }

    private static Finding emailAround(String text, int at, int notBefore) {
        int localStart = at;
        while (localStart > notBefore && isLocalChar(text.charAt(localStart - 1))) {
            localStart--;
        }
        // Punctuation glued to the front ("--jane@", "...jane@") is prose, not part of the address.
        while (localStart < at && !Character.isLetterOrDigit(text.charAt(localStart))) {
            localStart++;
        }
        int domainEnd = at + 1;
        while (domainEnd < text.length() && isDomainChar(text.charAt(domainEnd))) {
            domainEnd++;
        }
        // A trailing dot or hyphen ends the sentence, not the domain.
        while (domainEnd > at + 1 && !Character.isLetterOrDigit(text.charAt(domainEnd - 1))) {
            domainEnd--;
        }
        if (!isValidLocal(text, localStart, at) || !isValidDomain(text, at + 1, domainEnd)) {
            return null;
        }
        return new Finding(SensitiveType.EMAIL, localStart, domainEnd);
    }

    private static boolean isLocalChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomainChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-';
    }

    private static boolean isValidLocal(String text, int start, int end) {
        int length = end - start;
        if (length == 0 || length > MAX_LOCAL || text.charAt(end - 1) == '.') {
            return false;
        }
        return text.substring(start, end).indexOf("..") < 0;
    }

    private static boolean isValidDomain(String text, int start, int end) {
        if (end - start < 4 || end - start > MAX_DOMAIN) {
            return false;
        }
        if (isPixelDensitySuffix(text, start)) {
            return false;
        }
        int labels = 0;
        int labelStart = start;
        for (int pos = start; pos <= end; pos++) {
            if (pos < end && text.charAt(pos) != '.') {
                continue;
            }
            int labelLength = pos - labelStart;
            if (labelLength == 0 || labelLength > MAX_LABEL || text.charAt(labelStart) == '-'
                    || text.charAt(pos - 1) == '-') {
                return false;
            }
            labels++;
            if (pos == end && !isTopLevelDomain(text, labelStart, pos)) {
                return false;
            }
            labelStart = pos + 1;
        }
        return labels >= 2;
    }

    private static boolean isTopLevelDomain(String text, int start, int end) {
        return end - start >= 2 && TopLevelDomains.contains(text, start, end);
    }

    /** A first label of digits then {@code x} ({@code 2x.}), as in {@code icon@2x.png}. */
    private static boolean isPixelDensitySuffix(String text, int start) {
        int pos = start;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start && pos + 1 < text.length() && (text.charAt(pos) == 'x' || text.charAt(pos) == 'X')
                && text.charAt(pos + 1) == '.';
    }
}
