package com.livechat.platform.validation;

import com.livechat.contracts.events.RejectionCode;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void controlCharactersOtherThanTabAndLineBreaksAreRefusedWithAReason() {
        for (String text : new String[] {"a\u0000b", "\u0000", "bell\u0007", "escape\u001b[0m", "x\u001f"}) {
            Optional<MessageRules.Violation> violation = MessageRules.checkCustomerMessage(text);
            assertEquals(RejectionCode.INVALID_MESSAGE, code(violation), text);
            assertTrue(violation.get().reason().contains("control characters"), violation.get().reason());
            assertEquals(RejectionCode.INVALID_MESSAGE, code(MessageRules.checkAgentMessage(text)));
        }
        assertTrue(MessageRules.checkAgentMessage("col1\tcol2\r\nline").isEmpty());
        assertTrue(MessageRules.checkCustomerMessage("DEL \u007f and é are not C0").isEmpty());
        assertTrue(MessageRules.hasControlCharacters("\u0000"));
        assertFalse(MessageRules.hasControlCharacters("tab\tnew\nline\r"));
        assertTrue(new PlainTextValidator().isValid(null, null));
        assertTrue(new PlainTextValidator().isValid("Jean Dupont", null));
        assertFalse(new PlainTextValidator().isValid("Jean\u0000", null));
    }

    @Test
    void loneSurrogatesAreNotTextAndAreRefusedWithAReason() {
        // Half of a UTF-16 pair: no character, and no UTF-8 encoding (stored, it would silently become '?').
        for (String text : new String[] {"x\uD800y", "x\uDC00y", "\uDE00\uD83D", "ends with \uD83D"}) {
            Optional<MessageRules.Violation> violation = MessageRules.checkCustomerMessage(text);
            assertEquals(RejectionCode.INVALID_MESSAGE, code(violation), text);
            assertTrue(violation.get().reason().contains("lone surrogate"), violation.get().reason());
            assertEquals(RejectionCode.INVALID_MESSAGE, code(MessageRules.checkAgentMessage(text)));
            assertEquals(RejectionCode.INVALID_MESSAGE, code(MessageRules.checkWrapUpNote(text)));
            assertFalse(MessageRules.isPlainText(text), text);
            assertFalse(new PlainTextValidator().isValid(text, null), text);
            assertFalse(new SingleLineValidator().isValid(text, null), text);
        }
        assertTrue(MessageRules.checkAgentMessage("\uD83D\uDE00 fine").isEmpty(), "a whole pair is a character");
        assertTrue(MessageRules.isPlainText("Zo\u00eb \uD83D\uDE00 \u202Eright-to-left\u202C \u200B"));
        assertTrue(new SingleLineValidator().isValid("Zo\u00eb \uD83D\uDE00", null));
    }

    @Test
    void aWrapUpNoteIsOptionalAndHoldsAtMostAThousandCodePoints() {
        assertTrue(MessageRules.checkWrapUpNote(null).isEmpty());
        assertTrue(MessageRules.checkWrapUpNote(" ").isEmpty());
        assertTrue(MessageRules.checkWrapUpNote("😀".repeat(MessageRules.WRAP_UP_NOTE_MAX_CODE_POINTS)).isEmpty());
        Optional<MessageRules.Violation> tooLong = MessageRules.checkWrapUpNote("n".repeat(1001));
        assertEquals(RejectionCode.MESSAGE_TOO_LONG, code(tooLong));
        assertEquals("A wrap-up note may hold at most 1000 characters; this one has 1001.", tooLong.get().reason());
        assertEquals(RejectionCode.INVALID_MESSAGE, code(MessageRules.checkWrapUpNote("sorted\u0000")));
    }

    @Test
    void aSurveyHasARatingFromOneToFiveAndAnOptionalCommentOfAtMostAThousandCharacters() {
        assertTrue(MessageRules.checkSurvey(1, null).isEmpty());
        assertTrue(MessageRules.checkSurvey(5, " ").isEmpty());
        assertTrue(MessageRules.checkSurvey(3, "é".repeat(MessageRules.SURVEY_COMMENT_MAX_CODE_POINTS)).isEmpty());
        Optional<MessageRules.Violation> six = MessageRules.checkSurvey(6, null);
        assertEquals(RejectionCode.INVALID_COMMAND, code(six));
        assertEquals("A rating is a whole number from 1 to 5; 6 is not.", six.get().reason());
        assertEquals(RejectionCode.INVALID_COMMAND, code(MessageRules.checkSurvey(0, "fine")));
        Optional<MessageRules.Violation> tooLong = MessageRules.checkSurvey(4, "c".repeat(10 * 1024 * 1024));
        assertEquals(RejectionCode.MESSAGE_TOO_LONG, code(tooLong));
        assertEquals(RejectionCode.INVALID_MESSAGE, code(MessageRules.checkSurvey(4, "ok\u0000")));
    }

    private static RejectionCode code(Optional<MessageRules.Violation> violation) {
        return violation.orElseThrow().code();
    }
}
