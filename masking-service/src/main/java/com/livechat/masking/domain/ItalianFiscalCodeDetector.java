package com.livechat.masking.domain;

/**
 * Italian tax codes (codice fiscale) of people: three letters of the surname, three of the name, year of birth, a
 * month letter ({@code ABCDEHLMPRST}), day of birth (01-31, plus 40 for women), the municipality (a letter and three
 * digits) and a check letter computed over the first fifteen characters. Where the same code would be issued twice,
 * digits are replaced by the letters {@code LMNPQRSTUV} (omocodia); those are read back as digits.
 * {@code RSSMRA85T10A562S}.
 */
public final class ItalianFiscalCodeDetector extends FixedLayoutDetector {

    private static final String MONTHS = "ABCDEHLMPRST";
    private static final String OMOCODIA = "LMNPQRSTUV";
    private static final int[] LETTER_POSITIONS = {0, 1, 2, 3, 4, 5, 8, 11, 15};
    /** Where digits stand, which omocodia may have replaced by letters. */
    private static final int[] DIGIT_POSITIONS = {6, 7, 9, 10, 12, 13, 14};
    /** Values of 0-9 then A-Z at odd positions (1st, 3rd...); at even positions a character is worth its rank. */
    private static final int[] ODD_VALUES = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21,
            1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};

    public ItalianFiscalCodeDetector() {
        super(SensitiveType.IT_CODICE_FISCALE, 16, 0, "");
    }

    @Override
    public int candidateKinds() {
        return Candidates.LONG_TOKEN;
    }

    @Override
    boolean mayStartWith(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    @Override
    boolean isValid(char[] units) {
        for (int i : LETTER_POSITIONS) {
            if (!Character.isLetter(units[i])) {
                return false;
            }
        }
        for (int i : DIGIT_POSITIONS) {
            if (!Character.isDigit(units[i]) && OMOCODIA.indexOf(units[i]) < 0) {
                return false;
            }
        }
        int day = digit(units[9]) * 10 + digit(units[10]);
        if (MONTHS.indexOf(units[8]) < 0 || day < 1 || day > 71 || (day > 31 && day < 41)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            int rank = Character.isDigit(units[i]) ? units[i] - '0' : units[i] - 'A';
            sum += i % 2 == 0 ? ODD_VALUES[Character.isDigit(units[i]) ? rank : 10 + rank] : rank;
        }
        return units[15] == 'A' + sum % 26;
    }

    private static int digit(char unit) {
        return Character.isDigit(unit) ? unit - '0' : OMOCODIA.indexOf(unit);
    }
}
