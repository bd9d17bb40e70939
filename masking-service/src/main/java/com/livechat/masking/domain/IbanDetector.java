package com.livechat.masking.domain;

import com.livechat.platform.validation.TokenBoundaries;

import java.util.List;
import java.util.Map;

import static com.livechat.platform.validation.TokenBoundaries.isAsciiDigit;
import static com.livechat.platform.validation.TokenBoundaries.isAsciiLetter;

/**
 * International bank account numbers: a country code from the IBAN registry, two check digits (02 to 98) and a
 * BBAN that brings the whole to exactly that country's length, written compact or with single spaces, in upper or
 * lower case, and valid under ISO 7064 mod 97-10.
 */
public final class IbanDetector implements Detector {

    /** IBAN length per country (SWIFT IBAN registry). */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20),
            Map.entry("AZ", 28), Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22),
            Map.entry("BH", 22), Map.entry("BI", 27), Map.entry("BR", 29), Map.entry("BY", 28),
            Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24),
            Map.entry("DE", 22), Map.entry("DJ", 27), Map.entry("DK", 18), Map.entry("DO", 28),
            Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18),
            Map.entry("FK", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
            Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27),
            Map.entry("GT", 28), Map.entry("HN", 28), Map.entry("HR", 21), Map.entry("HU", 28),
            Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26),
            Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20),
            Map.entry("LB", 28), Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20),
            Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("LY", 25), Map.entry("MC", 27),
            Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MN", 20),
            Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NI", 28),
            Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("OM", 23), Map.entry("PK", 24),
            Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29),
            Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("RU", 33), Map.entry("SA", 24),
            Map.entry("SC", 31), Map.entry("SD", 18), Map.entry("SE", 24), Map.entry("SI", 19),
            Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("SO", 23), Map.entry("ST", 25),
            Map.entry("SV", 28), Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26),
            Map.entry("UA", 29), Map.entry("VA", 22), Map.entry("VG", 24), Map.entry("XK", 20),
            Map.entry("YE", 30));

    private static final int SHORTEST = 15;
    private static final int LONGEST = 34;

    /** IBAN length per pair of country letters ({@code (first - 'A') * 26 + second - 'A'}), 0 for none. */
    private static final int[] LENGTH_BY_COUNTRY = new int[26 * 26];

    static {
        LENGTHS.forEach((country, length) -> LENGTH_BY_COUNTRY[countryIndex(country.charAt(0), country.charAt(1))] = length);
    }

    @Override
    public int candidateKinds() {
        return Candidates.NUMBER | Candidates.LONG_TOKEN;
    }

    @Override
    public void collect(String text, int from, int to, List<Finding> into) {
        int n = text.length();
        for (int i = from; i < to && i + SHORTEST <= n; i++) {
            if (!isAsciiLetter(text.charAt(i)) || !TokenBoundaries.startsToken(text, i)) {
                continue;
            }
            int end = ibanEndingAfter(text, i);
            if (end > 0) {
                into.add(new Finding(SensitiveType.IBAN, i, end));
                i = end;
            }
        }
    }

    private static int countryIndex(char first, char second) {
        return (Character.toUpperCase(first) - 'A') * 26 + Character.toUpperCase(second) - 'A';
    }

    /** The end of the valid IBAN starting at {@code start}, or -1. */
    private static int ibanEndingAfter(String text, int start) {
        if (!isAsciiLetter(text.charAt(start + 1)) || !isAsciiDigit(text.charAt(start + 2))
                || !isAsciiDigit(text.charAt(start + 3))) {
            return -1;
        }
        int length = LENGTH_BY_COUNTRY[countryIndex(text.charAt(start), text.charAt(start + 1))];
        if (length == 0) {
            return -1;
        }
        char[] compact = new char[length];
        int collected = 0;
        int pos = start;
        int n = text.length();
        while (collected < length && pos < n) {
            char c = text.charAt(pos);
            if (isAsciiDigit(c) || isAsciiLetter(c)) {
                compact[collected++] = Character.toUpperCase(c);
                pos++;
            } else if (c == ' ' && collected >= 4 && pos + 1 < n && isAsciiAlphanumeric(text.charAt(pos + 1))) {
                pos++;
            } else {
                break;
            }
        }
        if (collected < length || !TokenBoundaries.endsToken(text, pos)) {
            return -1;
        }
        return hasValidCheckDigits(compact) ? pos : -1;
    }

    private static boolean isAsciiAlphanumeric(char c) {
        return isAsciiDigit(c) || isAsciiLetter(c);
    }

    /** ISO 13616: check digits 02..98, and the number moved to "BBAN + country + check" is 1 modulo 97. */
    static boolean hasValidCheckDigits(char[] iban) {
        int checkDigits = (iban[2] - '0') * 10 + (iban[3] - '0');
        if (checkDigits < 2 || checkDigits > 98 || iban.length > LONGEST) {
            return false;
        }
        int remainder = 0;
        for (int k = 0; k < iban.length; k++) {
            char c = iban[(k + 4) % iban.length];
            remainder = isAsciiDigit(c)
                    ? (remainder * 10 + (c - '0')) % 97
                    : (remainder * 100 + (c - 'A' + 10)) % 97;
        }
        return remainder == 1;
    }
}
