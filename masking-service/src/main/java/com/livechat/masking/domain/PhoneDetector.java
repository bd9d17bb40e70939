package com.livechat.masking.domain;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;

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

    private static final char FULL_WIDTH_PLUS = '\uFF0B';
    /** Separators libphonenumber accepts inside a number (its VALID_PUNCTUATION), besides white space. */
    private static final String PUNCTUATION = "-xX\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30FC\uFF0D\uFF0E\uFF0F"
            + "\u00AD\u200B\u2060()\uFF08\uFF09\uFF3B\uFF3D.[]/~\u2053\u223C\uFF5E";

    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();
    private final String defaultRegion;
    private final int minDigitsWithPlus;
    private final int minDigitsWithoutPlus;

    /** @param defaultRegion ISO 3166 region used to read numbers written without {@code +}, such as "US" or "FR" */
    public PhoneDetector(String defaultRegion) {
        if (!phoneNumbers.getSupportedRegions().contains(defaultRegion)) {
            throw new IllegalArgumentException("Unknown phone region '" + defaultRegion
                    + "': use an ISO 3166 two-letter code such as US or FR");
        }
        this.defaultRegion = defaultRegion;
        MetadataSource metadata = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
        int shortestInternational = shortestInternationalNumber(metadata);
        PhoneMetadata region = metadata.getMetadataForRegion(defaultRegion);
        this.minDigitsWithPlus = shortestInternational;
        this.minDigitsWithoutPlus = Math.min(shortestLength(region),
                digitsOf(region.getInternationalPrefix()) + shortestInternational);
    }

    @Override
    public List<Finding> find(String text) {
        if (!mayHoldNumber(text)) {
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

    /**
     * libphonenumber is slow (tens of microseconds for a line with any digits in it), so it only sees lines where
     * some run of digits and phone punctuation holds at least as many digits as the shortest number it could
     * accept there: a "+country number" anywhere in the world, or else a national number of the default region or
     * an international one dialled with the region's prefix. Order numbers, dates and amounts mostly fall short.
     */
    private boolean mayHoldNumber(String text) {
        int digits = 0;
        boolean plus = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                digits++;
            } else if (c == '+' || c == FULL_WIDTH_PLUS) {
                plus = true;
            } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && PUNCTUATION.indexOf(c) < 0) {
                if (digits >= (plus ? minDigitsWithPlus : minDigitsWithoutPlus)) {
                    return true;
                }
                digits = 0;
                plus = false;
            }
        }
        return digits >= (plus ? minDigitsWithPlus : minDigitsWithoutPlus);
    }

    /** Country calling code plus shortest national number, over every region and non-geographic entity. */
    private int shortestInternationalNumber(MetadataSource metadata) {
        int shortest = Integer.MAX_VALUE;
        for (String region : phoneNumbers.getSupportedRegions()) {
            PhoneMetadata country = metadata.getMetadataForRegion(region);
            shortest = Math.min(shortest, digitsOf(Integer.toString(country.getCountryCode())) + shortestLength(country));
        }
        for (int callingCode : phoneNumbers.getSupportedGlobalNetworkCallingCodes()) {
            PhoneMetadata network = metadata.getMetadataForNonGeographicalRegion(callingCode);
            shortest = Math.min(shortest, digitsOf(Integer.toString(callingCode)) + shortestLength(network));
        }
        return shortest;
    }

    private static int shortestLength(PhoneMetadata metadata) {
        return metadata.getGeneralDesc().getPossibleLengthList().stream().min(Integer::compare).orElse(1);
    }

    /** Digits of a prefix written as plain digits ("011"); 0 for a pattern ("0(?:0|11)"), to stay on the safe side. */
    private static int digitsOf(String prefix) {
        return prefix.chars().allMatch(Character::isDigit) ? prefix.length() : 0;
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
