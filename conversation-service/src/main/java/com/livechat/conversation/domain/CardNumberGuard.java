package com.livechat.conversation.domain;

import com.livechat.shared.events.ConversationCommand;
import com.livechat.shared.events.RejectionCode;
import com.livechat.shared.validation.Luhn;

import java.util.ArrayList;
import java.util.List;

/**
 * Defence in depth for PCI: masking happens before this service, yet while PCI masking is on nothing that still
 * looks like a payment card number may be stored here. A card number is 13 to 19 digits passing the Luhn check,
 * written either in one run or in groups separated by single spaces or hyphens ("4111 1111 1111 1111",
 * "4111-1111-1111-1111").
 */
public final class CardNumberGuard {

    static final int MIN_DIGITS = 13;
    static final int MAX_DIGITS = 19;

    private CardNumberGuard() {
    }

    /** True when {@code text} holds a Luhn-valid card number of 13 to 19 digits. */
    public static boolean containsCardNumber(String text) {
        if (text == null) {
            return false;
        }
        for (List<String> groups : digitGroupRuns(text)) {
            if (anyCardNumber(groups)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Refuses a command in which any free-text field (the fields masking masks, plus the names of a new
     * conversation's attributes, which the website chooses) still holds a card number.
     */
    public static void refuseCardNumbers(ConversationCommand command) {
        command.masked(CardNumberGuard::refuseIfCardNumber);
        if (command instanceof ConversationCommand.StartConversation start && start.attributes() != null) {
            start.attributes().keySet().forEach(CardNumberGuard::refuseIfCardNumber);
        }
    }

    private static String refuseIfCardNumber(String text) {
        if (containsCardNumber(text)) {
            throw new CommandRefusedException(RejectionCode.UNMASKED_CARD_NUMBER,
                    "This still contains a card number and cannot be stored: card numbers must be masked first.");
        }
        return text;
    }

    /**
     * Runs of digit groups joined by one separator each: "call 4111 1111 1111 1111 now" has one run of four groups.
     */
    private static List<List<String>> digitGroupRuns(String text) {
        List<List<String>> runs = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int i = 0;
        int length = text.length();
        while (i < length) {
            if (isDigit(text.charAt(i))) {
                int start = i;
                while (i < length && isDigit(text.charAt(i))) {
                    i++;
                }
                current.add(text.substring(start, i));
                boolean separatorThenDigit = i + 1 < length && isSeparator(text.charAt(i)) && isDigit(text.charAt(i + 1));
                if (separatorThenDigit) {
                    i++;
                } else {
                    runs.add(current);
                    current = new ArrayList<>();
                }
            } else {
                i++;
            }
        }
        return runs;
    }

    /**
     * Checks every stretch of whole groups of 13 to 19 digits, so a card number written next to other digits
     * ("4111 1111 1111 1111 12/27") is still found; a single unbroken run is checked whole.
     */
    private static boolean anyCardNumber(List<String> groups) {
        for (int first = 0; first < groups.size(); first++) {
            StringBuilder digits = new StringBuilder();
            for (int last = first; last < groups.size(); last++) {
                digits.append(groups.get(last));
                if (digits.length() > MAX_DIGITS) {
                    break;
                }
                if (digits.length() >= MIN_DIGITS && Luhn.isValid(digits, 0, digits.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-';
    }
}
