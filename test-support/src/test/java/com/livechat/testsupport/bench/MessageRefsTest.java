package com.livechat.testsupport.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The references the bench and the fault suite tag their messages with, and find again in what a screen shows. */
class MessageRefsTest {

    @Test
    void aReferenceIsLettersOnlyAndFoundAgainInItsText() {
        String ref = MessageRefs.letters(1_234_567);

        assertEquals(ref, ref.replaceAll("[^a-z]", ""), "letters only: no masking rule touches it");
        assertEquals(ref, MessageRefs.find(MessageRefs.text(ref, " my card is 4111 1111 1111 1111")));
        assertNotEquals(MessageRefs.letters(1), MessageRefs.letters(27));
    }

    @Test
    void aTextWithoutReferenceHasNone() {
        assertNull(MessageRefs.find("Alice joined the chat"));
    }
}
