package com.livechat.e2e.browser.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.livechat.testsupport.stack.LivechatService;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An axe-core scan of what a page shows now (axe-core from the web app's npm packages, evaluated in the page).
 * Returns the serious and critical WCAG violations, each as "rule: the elements it found", so that a failing
 * assertion says what to fix.
 */
public final class Accessibility {

    private static final Path AXE = LivechatService.repositoryRoot()
            .resolve("agent-gateway/src/main/webui/node_modules/axe-core/axe.min.js");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Accessibility() {
    }

    public static List<String> seriousViolations(Page page) {
        return seriousViolations(page.mainFrame());
    }

    /** The same scan of one frame, e.g. the customer widget's iframe inside a host page. */
    public static List<String> seriousViolations(Frame frame) {
        if (!Files.exists(AXE)) {
            throw new IllegalStateException("axe-core is missing at " + AXE + ": build agent-gateway first");
        }
        // Evaluated by the browser's debugging protocol, which the pages' Content-Security-Policy does not cover: a
        // script tag (addScriptTag) would be an inline script, refused by the gateway's policy like any other.
        try {
            if (!Boolean.TRUE.equals(frame.evaluate("() => typeof axe !== 'undefined'"))) {
                frame.evaluate(Files.readString(AXE));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Could not read " + AXE, e);
        }
        Object result = frame.evaluate("""
                async () => JSON.stringify((await axe.run(document, {
                  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }
                })).violations)""");
        List<String> serious = new ArrayList<>();
        try {
            for (JsonNode violation : JSON.readTree(result.toString())) {
                String impact = violation.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    List<String> targets = new ArrayList<>();
                    violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
                    serious.add(violation.path("id").asText() + " (" + impact + "): " + targets);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable axe result: " + result, e);
        }
        return serious;
    }
}
