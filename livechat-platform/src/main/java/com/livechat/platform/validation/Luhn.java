package com.livechat.platform.validation;

/**
 * The Luhn checksum that every payment card number satisfies. The masking service uses it to recognise card numbers,
 * the conversation service to make sure none reaches its database while PCI masking is on.
 */
public final class Luhn {

    private Luhn() {
    }

    /** Whether the ASCII digits of {@code text[from, to)} pass the Luhn check; other characters are skipped. */
    public static boolean isValid(CharSequence text, int from, int to) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = to - 1; i >= from; i--) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int digit = c - '0';
            if (doubleIt) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }
}
