package com.livechat.e2e.browser;

import com.livechat.e2e.browser.support.Accessibility;
import com.livechat.e2e.browser.support.Browsers;
import com.livechat.e2e.browser.support.DesktopScenario;
import com.livechat.e2e.browser.support.DesktopTour;
import com.livechat.e2e.browser.support.WidgetPage;
import com.livechat.e2e.support.AgentSession;
import com.livechat.e2e.support.E2eStack;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An axe-core scan (WCAG 2.1 A and AA) of each main screen of the desktop and of the customer widget: none may have
 * a serious or critical violation. Each screen's findings are collected before failing, so one run names them all.
 */
class AccessibilityTest {

    @BeforeAll
    static void startSystem() {
        E2eStack.get();
    }

    @Test
    void desktopScreensHaveNoSeriousViolation() {
        Map<String, List<String>> findings = new LinkedHashMap<>();
        try {
            DesktopTour.walk("en-GB", Browsers.DESKTOP, (screen, page) -> scan(screen, page, findings));
        } finally {
            assertEquals(Map.of(), findings, "serious or critical accessibility violations per screen");
        }
    }

    @Test
    void frenchNarrowDesktopScreensHaveNoSeriousViolation() {
        Map<String, List<String>> findings = new LinkedHashMap<>();
        try {
            DesktopTour.walk("fr-FR", Browsers.NARROW, (screen, page) -> scan(screen, page, findings));
        } finally {
            assertEquals(Map.of(), findings, "serious or critical accessibility violations per screen");
        }
    }

    @Test
    void widgetScreensHaveNoSeriousViolation() {
        Map<String, List<String>> findings = new LinkedHashMap<>();
        try (DesktopScenario scenario = DesktopScenario.create("Widget scan")) {
            AgentSession agent = scenario.agentSession(scenario.agent("Scan Agent")).available();
            WidgetPage widget = WidgetPage.openShop(scenario.context("en-GB", Browsers.DESKTOP).newPage(),
                    E2eStack.gateway(1), scenario.queueId(), null).open();
            scan("widget pre-chat form", widget.chatFrame(), findings);
            String conversationId = widget.start(DesktopScenario.CUSTOMER_NAME, "jean.dupont@example.com", "Hello");
            widget.awaitStatus("waiting");
            scan("widget waiting", widget.chatFrame(), findings);
            agent.takeChat(conversationId);
            for (int i = 1; i <= 8; i++) { // a real chat is longer than the panel: its thread scrolls
                agent.send(conversationId, "Step " + i + " of the answer,\non two lines.").expect(202);
            }
            assertThat(widget.messages("agent")).hasCount(8);
            scan("widget in a chat", widget.chatFrame(), findings);
        } finally {
            assertEquals(Map.of(), findings, "serious or critical accessibility violations of the widget");
        }
    }

    private static void scan(String screen, Page page, Map<String, List<String>> findings) {
        record(screen, Accessibility.seriousViolations(page), findings);
    }

    private static void scan(String screen, Frame frame, Map<String, List<String>> findings) {
        record(screen, Accessibility.seriousViolations(frame), findings);
    }

    private static void record(String screen, List<String> violations, Map<String, List<String>> findings) {
        if (!violations.isEmpty()) {
            findings.put(screen, violations);
        }
    }
}
