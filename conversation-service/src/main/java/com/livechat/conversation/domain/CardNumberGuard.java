package com.livechat.conversation.domain;

import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.platform.validation.CardNumbers;

/**
 * Defence in depth for PCI: masking happens before this service, yet while PCI masking is on nothing that still
 * looks like a payment card number may be stored here. "Looks like" is the shared rule of {@link CardNumbers}, the
 * one the masking service masks by, so a text masking left as it is is never refused here.
 */
public final class CardNumberGuard {

    private CardNumberGuard() {
    }

    /** Refuses a command in which any free-text field (every field masking masks) still holds a card number. */
    public static void refuseCardNumbers(ConversationCommand command) {
        command.masked(CardNumberGuard::refuseIfCardNumber);
    }

    private static String refuseIfCardNumber(String text) {
        if (CardNumbers.containsCardNumber(text)) {
            throw new CommandRefusedException(RejectionCode.UNMASKED_CARD_NUMBER,
                    "This still contains a card number and cannot be stored: card numbers must be masked first.");
        }
        return text;
    }
}
