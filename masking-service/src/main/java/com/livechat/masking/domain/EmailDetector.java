package com.livechat.masking.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * E-mail addresses, found from each {@code @} outwards rather than with a backtracking regular expression: a local
 * part of letters, digits and {@code . _ % + -} (at most 64 characters, no leading, trailing or doubled dot) and a
 * domain of at least two labels (letters, digits, inner hyphens, at most 63 characters each) ending in an
 * alphabetic top-level domain of two letters or more. Letters may be non-ASCII (internationalised addresses).
 */
public final class EmailDetector implements Detector {

    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;
    private static final int MAX_LABEL = 63;

    @Override
    public List<Finding> find(String text) {
        int at = text.indexOf('@');
        if (at < 0) {
            return List.of();
        }
        List<Finding> findings = null;
        int resumeFrom = 0;
        while (at >= 0) {
            Finding finding = emailAround(text, at, resumeFrom);
            if (finding != null) {
                if (findings == null) {
                    findings = new ArrayList<>(1);
                }
                findings.add(finding);
                resumeFrom = finding.end();
            }
            at = text.indexOf('@', Math.max(at + 1, resumeFrom));
        }
        return findings == null ? List.of() : findings;
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
        if (end - start < 2) {
            return false;
        }
        for (int pos = start; pos < end; pos++) {
            if (!Character.isLetter(text.charAt(pos))) {
                return false;
            }
        }
        return true;
    }
}
