package com.livechat.platform.validation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class AsciiFoldingTest {

    @Test
    void foldsDigitsSpacesDashesAndFullWidthFormsOneForOne() {
        String typed = "\uFF34\uFF25\uFF2C\u3000\uFF10\uFF16\u00A012\u202F34\u2013\u0665\u0666\u2212\uFF0B33\uFF20x";

        String folded = AsciiFolding.fold(typed);

        assertEquals("TEL 06 12 34-56-+33@x", folded);
        assertEquals(typed.length(), folded.length());
    }

    @Test
    void leavesLettersAndEmojiAlone() {
        assertEquals("é ß 🙂", AsciiFolding.fold("é ß 🙂"));
    }

    @Test
    void returnsTheSameStringWhenThereIsNothingToFold() {
        String plain = "order 2024-11873 é";
        assertSame(plain, AsciiFolding.fold(plain));
        assertEquals(-1, AsciiFolding.firstFolded(plain));
        assertEquals(7, AsciiFolding.firstFolded("order 2\u20130"));
    }
}
