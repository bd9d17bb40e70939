package com.livechat.conversation.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateRendererTest {

    @Test
    void fillsEveryParameterAndKeepsLineBreaks() {
        TemplateRenderer.Result result = TemplateRenderer.render("Hi <customerName>,\nI am <agentName>. <customerName>!",
                Map.of("customerName", "Mel $1 \\", "agentName", "Alice"));
        assertTrue(result.complete());
        assertEquals("Hi Mel $1 \\,\nI am Alice. Mel $1 \\!", result.text());
    }

    @Test
    void namesTheFirstParameterWithoutAValue() {
        TemplateRenderer.Result result = TemplateRenderer.render("<a> and <b>", Map.of("a", "x"));
        assertFalse(result.complete());
        assertEquals("b", result.missingParameter());
    }

    @Test
    void angleBracketsAreOnlyForParameters() {
        assertEquals(Optional.empty(), TemplateRenderer.checkBody("Hello <customerName>"));
        assertTrue(TemplateRenderer.checkBody("1 < 2").isPresent());
        assertTrue(TemplateRenderer.checkBody("<not a parameter>").isPresent());
        assertTrue(TemplateRenderer.checkBody("a > b").isPresent());
    }
}
