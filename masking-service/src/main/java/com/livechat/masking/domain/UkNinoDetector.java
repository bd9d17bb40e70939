package com.livechat.masking.domain;

import java.util.Set;

/**
 * UK National Insurance numbers: two prefix letters, six digits, a suffix letter A to D, compact
 * ({@code AB123456C}) or spaced as HMRC prints them ({@code AB 12 34 56 C}). There is no check digit, so the structure
 * decides: HMRC never allocates D, F, I, Q, U or V as first letter, D, F, I, O, Q, U or V as second letter, nor the
 * prefixes BG, GB, KN, NK, NT, TN and ZZ ({@code QQ 12 34 56 C}, the usual specimen, is not a number).
 */
public final class UkNinoDetector extends FixedLayoutDetector {

    private static final String NEVER_FIRST = "DFIQUV";
    private static final String NEVER_SECOND = "DFIOQUV";
    private static final Set<String> NEVER_ALLOCATED = Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");

    public UkNinoDetector() {
        super(SensitiveType.UK_NINO, 9, boundaries(2, 4, 6, 8), " ");
    }

    @Override
    boolean mayStartWith(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    @Override
    boolean isValid(char[] units) {
        char first = units[0];
        char second = units[1];
        char suffix = units[8];
        return Character.isLetter(first) && Character.isLetter(second) && allDigits(units, 2, 8)
                && suffix >= 'A' && suffix <= 'D'
                && NEVER_FIRST.indexOf(first) < 0 && NEVER_SECOND.indexOf(second) < 0
                && !NEVER_ALLOCATED.contains(new String(units, 0, 2));
    }
}
