package com.livechat.masking.domain;

import java.util.List;

/**
 * Spanish identity numbers, under one type: the DNI, eight digits and a control letter ({@code 12345678Z},
 * {@code 12.345.678-Z}), and the NIE of foreign residents, X, Y or Z, seven digits and a control letter
 * ({@code X1234567L}, {@code X-1234567-L}). The control letter is {@code TRWAGMYFPDXBNJZSQVHLCKE} at the number
 * modulo 23, the NIE's initial counting as 0, 1 or 2.
 */
public final class SpanishDniDetector implements Detector {

    private static final String CONTROL_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    private final FixedLayoutDetector dni = new FixedLayoutDetector(SensitiveType.ES_DNI, 9, FixedLayoutDetector.boundaries(2, 5, 8), " .-") {
        @Override
        boolean mayStartWith(char c) {
            return c >= '0' && c <= '9';
        }

        @Override
        boolean isValid(char[] units) {
            return allDigits(units, 0, 8) && hasControlLetter(number(units, 0, 8), units[8]);
        }
    };

    private final FixedLayoutDetector nie = new FixedLayoutDetector(SensitiveType.ES_DNI, 9, FixedLayoutDetector.boundaries(1, 8), " .-") {
        @Override
        boolean mayStartWith(char c) {
            return "XYZxyz".indexOf(c) >= 0;
        }

        @Override
        boolean isValid(char[] units) {
            return allDigits(units, 1, 8)
                    && hasControlLetter((units[0] - 'X') * 10_000_000L + number(units, 1, 8), units[8]);
        }
    };

    @Override
    public void collect(String text, int from, int to, List<Finding> into) {
        dni.collect(text, from, to, into);
        nie.collect(text, from, to, into);
    }

    private static boolean hasControlLetter(long number, char letter) {
        return CONTROL_LETTERS.charAt((int) (number % 23)) == letter;
    }
}
