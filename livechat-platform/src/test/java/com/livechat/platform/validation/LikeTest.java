package com.livechat.platform.validation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LikeTest {

    @Test
    void wildcardsAndTheEscapeCharacterAreEscaped() {
        assertEquals("50!% off!_now !! ok \\", Like.escape("50% off_now ! ok \\"));
        assertEquals("plain text", Like.escape("plain text"));
        assertEquals("", Like.escape(""));
    }

    @Test
    void aContainsPatternIsStrippedLowerCasedAndEscaped() {
        assertEquals("%a!_b!%c%", Like.containsPattern("  A_B%C \t"));
        assertEquals("%%", Like.containsPattern(null));
        assertEquals("%%", Like.containsPattern("   "));
    }
}
