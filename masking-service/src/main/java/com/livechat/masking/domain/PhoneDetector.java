package com.livechat.masking.domain;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Phone numbers, found by Google's libphonenumber.
 *
 * <ul>
 * <li>Written without {@code +}, a number is read in the default region and must be valid there and grouped the
 * way that region writes numbers ({@code STRICT_GROUPING}): {@code (415) 555-2671} and {@code 4155552671} are phone
 * numbers, while the order number {@code 2024-118734} (a valid number once its digits are regrouped) is not.</li>
 * <li>Written with {@code +}, it only has to be a complete possible number for its country: a customer who types an
 * international number means a phone number even when its area code is not (or no longer) assigned, as in the
 * product's own example {@code + 1 (123) 456 7890}.</li>
 * </ul>
 */
public final class PhoneDetector implements Detector {

    /** libphonenumber's own floor (MIN_LENGTH_FOR_NSN): with fewer digits there is nothing to look for. */
    private static final int MIN_DIGITS = 2;
    private static final char FULL_WIDTH_PLUS = '\uFF0B';

    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    /** @param defaultRegion ISO 3166 region used to read numbers written without {@code +}, such as "US" or "FR" */
    public PhoneDetector(String defaultRegion) {
        if (!phoneNumbers.getSupportedRegions().contains(defaultRegion)) {
            throw new IllegalArgumentException("Unknown phone region '" + defaultRegion
                    + "': use an ISO 3166 two-letter code such as US or FR");
        }
        this.defaultRegion = defaultRegion;
    }

    @Override
    public List<Finding> find(String text) {
        if (!hasDigits(text, MIN_DIGITS)) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>(1);
        for (PhoneNumberMatch match : phoneNumbers.findNumbers(text, defaultRegion, Leniency.STRICT_GROUPING,
                Long.MAX_VALUE)) {
            if (!writtenWithPlus(match.rawString())) {
                findings.add(new Finding(SensitiveType.PHONE, match.start(), match.end()));
            }
        }
        if (text.indexOf('+') >= 0 || text.indexOf(FULL_WIDTH_PLUS) >= 0) {
            for (PhoneNumberMatch match : phoneNumbers.findNumbers(text, defaultRegion, Leniency.POSSIBLE,
                    Long.MAX_VALUE)) {
                if (writtenWithPlus(match.rawString()) && phoneNumbers.isPossibleNumberWithReason(match.number())
                        == ValidationResult.IS_POSSIBLE) {
                    findings.add(new Finding(SensitiveType.PHONE, match.start(), match.end()));
                }
            }
            findings.sort(Comparator.comparingInt(Finding::start));
        }
        return findings;
    }

    /** Any Unicode digit counts: libphonenumber reads full-width and other scripts' digits too. */
    private static boolean hasDigits(String text, int wanted) {
        int found = 0;
        for (int i = 0; i < text.length() && found < wanted; i++) {
            if (Character.isDigit(text.charAt(i))) {
                found++;
            }
        }
        return found >= wanted;
    }

    private static boolean writtenWithPlus(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '+' || c == FULL_WIDTH_PLUS) {
                return true;
            }
            if (Character.isDigit(c)) {
                return false;
            }
        }
        return false;
    }
}
