package com.livechat.shared.validation;

import com.livechat.shared.events.RejectionCode;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageRulesTest {

    @Test
    void agentMessagesHoldAtMostAThousandCodePoints() {
        assertTrue(MessageRules.checkAgentMessage("a".repeat(1000)).isEmpty());
        assertEquals(RejectionCode.MESSAGE_TOO_LONG, code(MessageRules.checkAgentMessage("a".repeat(1001))));
        // 1000 emoji are 2000 UTF-16 chars but 1000 characters for the agent.
        assertTrue(MessageRules.checkAgentMessage("😀".repeat(1000)).isEmpty());
        assertEquals(RejectionCode.MESSAGE_TOO_LONG, code(MessageRules.checkAgentMessage("😀".repeat(1001))));
    }

    @Test
    void angleBracketsAreReservedForTemplateParametersWithAReasonThatSaysSo() {
        Optional<MessageRules.Violation> lt = MessageRules.checkAgentMessage("a < b");
        assertEquals(RejectionCode.RESERVED_CHARACTERS, code(lt));
        assertTrue(lt.get().reason().contains("reserved for message-template parameters"));
        assertEquals(RejectionCode.RESERVED_CHARACTERS, code(MessageRules.checkAgentMessage("a > b")));
        assertTrue(MessageRules.checkCustomerMessage("a < b > c").isEmpty(), "customers are not restricted");
    }

    @Test
    void lineBreaksAreAllowedButBlankTextIsNot() {
        assertTrue(MessageRules.checkAgentMessage("Hello\nSecond line\r\n\nThird").isEmpty());
        assertEquals(RejectionCode.INVALID_MESSAGE, code(MessageRules.checkAgentMessage(" \n ")));
        assertEquals(RejectionCode.INVALID_MESSAGE, code(MessageRules.checkCustomerMessage(null)));
        assertEquals(RejectionCode.MESSAGE_TOO_LONG, code(MessageRules.checkCustomerMessage("x".repeat(4001))));
    }

    private static RejectionCode code(Optional<MessageRules.Violation> violation) {
        return violation.orElseThrow().code();
    }
}
