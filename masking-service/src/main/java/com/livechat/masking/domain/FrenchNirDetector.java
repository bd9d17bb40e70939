package com.livechat.masking.domain;

/**
 * French social security numbers (NIR): sex (1 or 2, 3, 4, 7 or 8 for provisional numbers), year, month of birth
 * (01-12, or 20-99 when unknown or provisional), department (01-99, or 2A and 2B for Corsica), commune, order number
 * and the key, 97 minus the first 13 digits modulo 97 (2A read as 19, 2B as 18). Written compact
 * ({@code 185057800608436}) or grouped as on the carte Vitale ({@code 1 85 05 78 006 084 36}), with spaces, dots or
 * dashes between those groups.
 *
 * <p>A number whose key does not match, but that is otherwise a NIR, is masked too when it is announced as one
 * ({@link #CONTEXT}: "NIR", "sécurité sociale", "carte Vitale"...): a customer who mistypes a digit of their NIR, or
 * copies the specimen {@code 1 85 05 78 006 084 36} that circulates with a wrong key, still means it as one.
 */
public final class FrenchNirDetector extends FixedLayoutDetector {

    static final ContextWords CONTEXT = new ContextWords("nir", "sécurité sociale", "securite sociale", "sécu",
            "secu", "carte vitale", "numéro ss", "numero ss", "n° ss", "insee", "social security");

    public FrenchNirDetector() {
        super(SensitiveType.FR_NIR, 15, boundaries(1, 3, 5, 7, 10, 13), " .-");
    }

    @Override
    boolean mayStartWith(char c) {
        return c == '1' || c == '2' || c == '3' || c == '4' || c == '7' || c == '8';
    }

    @Override
    boolean isValid(char[] units) {
        return isWellFormed(units) && hasValidKey(units);
    }

    @Override
    boolean isValid(char[] units, String text, int start, int end) {
        return isWellFormed(units) && (hasValidKey(units) || CONTEXT.announce(text, start, end));
    }

    private static boolean isCorsican(char[] units) {
        return units[5] == '2' && (units[6] == 'A' || units[6] == 'B');
    }

    private static boolean isWellFormed(char[] units) {
        boolean corsica = isCorsican(units);
        if (!allDigits(units, 0, 5) || !allDigits(units, corsica ? 7 : 5, 15)) {
            return false;
        }
        long month = number(units, 3, 5);
        return month != 0 && (month <= 12 || month >= 20) && (corsica || number(units, 5, 7) != 0);
    }

    private static boolean hasValidKey(char[] units) {
        long first13 = isCorsican(units)
                ? (number(units, 0, 5) * 100 + (units[6] == 'A' ? 19 : 18)) * 1_000_000 + number(units, 7, 13)
                : number(units, 0, 13);
        return 97 - first13 % 97 == number(units, 13, 15);
    }
}
