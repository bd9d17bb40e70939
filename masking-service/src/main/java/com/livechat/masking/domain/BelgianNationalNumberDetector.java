package com.livechat.masking.domain;

/**
 * Belgian national register numbers: birth date {@code YYMMDD} (month 00-12, or plus 20 or 40 for a bis number, day
 * 00-31), a serial 001-998 and a check number, 97 minus the first nine digits modulo 97, or, for people born from
 * 2000, minus {@code 2} followed by those nine digits modulo 97. Written compact ({@code 85073003328}) or as on the
 * identity card ({@code 85.07.30-033.28}), with dots, dashes or spaces between those groups.
 */
public final class BelgianNationalNumberDetector extends FixedLayoutDetector {

    public BelgianNationalNumberDetector() {
        super(SensitiveType.BE_NATIONAL_NUMBER, 11, boundaries(2, 4, 6, 9), " .-");
    }

    @Override
    public int minimumRunDigits() {
        return 11;
    }

    @Override
    boolean mayStartWith(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    boolean isValid(char[] units) {
        if (!allDigits(units, 0, 11)) {
            return false;
        }
        long month = number(units, 2, 4) % 20;
        long day = number(units, 4, 6);
        long serial = number(units, 6, 9);
        if (number(units, 2, 4) > 52 || month > 12 || day > 31 || serial == 0 || serial == 999) {
            return false;
        }
        long first9 = number(units, 0, 9);
        long check = number(units, 9, 11);
        return 97 - first9 % 97 == check || 97 - (2_000_000_000L + first9) % 97 == check;
    }
}
