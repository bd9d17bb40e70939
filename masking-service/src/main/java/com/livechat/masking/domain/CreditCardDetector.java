package com.livechat.masking.domain;

import com.livechat.platform.validation.CardNumbers;

import java.util.List;

/**
 * Payment card numbers, by the shared rule of {@link CardNumbers} (13 to 19 Luhn-valid digits in a card scheme's
 * issuer range and length, in one block or in groups separated by single spaces, dashes or dots): the conversation
 * service's PCI guard refuses exactly what this finds, so nothing this leaves unmasked is refused there.
 */
public final class CreditCardDetector implements Detector {

    @Override
    public int minimumRunDigits() {
        return 13;   // CardNumbers' shortest card, whose digits are joined by single separators: one run
    }

    @Override
    public void collect(String text, int from, int to, List<Finding> into) {
        for (CardNumbers.Span card : CardNumbers.find(text, from, to)) {
            into.add(new Finding(SensitiveType.CREDIT_CARD, card.start(), card.end()));
        }
    }
}
