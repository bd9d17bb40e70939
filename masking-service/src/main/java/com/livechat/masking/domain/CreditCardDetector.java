package com.livechat.masking.domain;

import com.livechat.platform.validation.CardNumbers;

import java.util.List;

/**
 * Payment card numbers, by the shared rule of {@link CardNumbers} (13 to 19 Luhn-valid digits, in one block or in
 * groups separated by single spaces or dashes): the conversation service's PCI guard refuses exactly what this
 * finds, so nothing this leaves unmasked is refused there.
 */
public final class CreditCardDetector implements Detector {

    @Override
    public List<Finding> find(String text) {
        return CardNumbers.find(text).stream()
                .map(card -> new Finding(SensitiveType.CREDIT_CARD, card.start(), card.end()))
                .toList();
    }
}
