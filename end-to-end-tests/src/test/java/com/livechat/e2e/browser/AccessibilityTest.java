package com.livechat.e2e.browser;

import com.livechat.e2e.browser.support.Accessibility;
import com.livechat.e2e.browser.support.Browsers;
import com.livechat.e2e.browser.support.DesktopTour;
import com.livechat.e2e.support.E2eStack;
import com.livechat.testsupport.stack.LivechatService;
import com.microsoft.playwright.BrowserContext;
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
    void widgetHasNoSeriousViolation() {
        try (BrowserContext context = Browsers.newContext("en-GB", Browsers.DESKTOP)) {
            Page page = context.newPage();
            page.navigate(E2eStack.url(LivechatService.GATEWAY) + "/chat/");
            assertThat(page.getByTestId("prechat-name")).isVisible();
            Map<String, List<String>> findings = new LinkedHashMap<>();
            scan("widget pre-chat form", page, findings);
            assertEquals(Map.of(), findings, "serious or critical accessibility violations of the widget");
        }
    }

    private static void scan(String screen, Page page, Map<String, List<String>> findings) {
        List<String> violations = Accessibility.seriousViolations(page);
        if (!violations.isEmpty()) {
            findings.put(screen, violations);
        }
    }
}
