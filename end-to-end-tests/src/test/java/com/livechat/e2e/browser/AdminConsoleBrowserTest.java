package com.livechat.e2e.browser;

import com.livechat.e2e.browser.support.Accessibility;
import com.livechat.e2e.browser.support.Browsers;
import com.livechat.e2e.browser.support.Screenshots;
import com.livechat.e2e.support.CustomerSession;
import com.livechat.e2e.support.E2eStack;
import com.livechat.e2e.support.Fixtures;
import com.livechat.testsupport.stack.Http;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The administration console (/admin/) in English and French: an administrator creates a queue, deletes it with a
 * chat waiting in it after a confirmation that says one live chat is interrupted (and the customer is told), changes
 * the masking policy and sees the change in the audit trail, and visits every section. Each screen gets an axe scan
 * (no serious or critical violation); the main ones are saved as screenshots at 1366 and 400 px
 * (admin-*-{en,fr}-{1366,400}.png), and none may overflow sideways at 400 px (tables scroll in their own frames).
 */
class AdminConsoleBrowserTest {

    @BeforeAll
    static void startSystem() {
        E2eStack.get();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-GB", "fr-FR"})
    void anAdministratorRunsTheConsole(String locale) {
        String language = locale.substring(0, 2);
        Map<String, List<String>> findings = new LinkedHashMap<>();
        Map<String, Integer> overflowing = new LinkedHashMap<>();
        try (BrowserContext context = Browsers.newContext(locale, Browsers.DESKTOP)) {
            Page page = context.newPage();
            page.navigate(E2eStack.gateway(0) + "/admin/");
            page.getByTestId("login-username").fill("admin");
            page.getByTestId("login-password").fill(E2eStack.ADMIN_PASSWORD);
            scan("login", page, findings);
            page.getByTestId("login-submit").click();
            assertThat(page.getByTestId("admin-nav-queues")).isVisible();

            // A queue created in the console, known to the gateway, with a customer waiting in it.
            String queue = "q-" + UUID.randomUUID().toString().substring(0, 8);
            page.getByTestId("admin-queue-new").click();
            page.getByTestId("admin-queue-id").fill(queue);
            page.getByTestId("admin-queue-name").fill("Console " + queue);
            page.getByTestId("admin-queue-rona").fill("45");
            scan("queue form", page, findings);
            page.getByTestId("admin-queue-save").click();
            assertThat(page.getByTestId("admin-queue-row-" + queue)).containsText("Console " + queue);
            scan("queues", page, findings);
            shoot(page, "admin-queues-" + language, overflowing);
            String admin = Fixtures.adminToken();
            for (int instance = 0; instance < 2; instance++) { // both gateway instances know the new queue
                String gateway = E2eStack.gateway(instance);
                await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(gateway
                        + "/api/transfer-targets?search=" + queue, admin).raw().contains(queue));
            }
            try (CustomerSession customer = CustomerSession.start(E2eStack.gateway(1), queue, "Wanda Waiting",
                    null, null)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.waitingIn(queue)
                        .contains(customer.conversationId()));

                page.getByTestId("admin-queue-delete-" + queue).click();
                assertThat(page.getByTestId("admin-delete-message")).containsText(language.equals("en")
                        ? "1 live chat will be interrupted" : "1 conversation en cours sera interrompue");
                scan("delete confirmation", page, findings);
                shoot(page, "admin-delete-" + language, overflowing);
                page.getByTestId("admin-delete-confirm").click();
                assertThat(page.getByTestId("admin-queue-row-" + queue)).hasCount(0);
                customer.await("conversation-ended", frame -> true);
            }
            assertEquals(404, Http.get(Fixtures.adminApi("routing") + "/queues/" + queue, admin).status());

            // The masking policy: a type switched off and on again, both changes in the audit trail.
            page.getByTestId("admin-nav-masking").click();
            assertThat(page.getByTestId("admin-masking-type-IT_CODICE_FISCALE")).isChecked();
            page.getByTestId("admin-masking-type-IT_CODICE_FISCALE").uncheck();
            page.getByTestId("admin-masking-save").click();
            assertThat(page.getByTestId("admin-notice")).isVisible();
            assertThat(page.getByTestId("admin-audit-row").first()).containsText("IT_CODICE_FISCALE");
            page.getByTestId("admin-masking-type-IT_CODICE_FISCALE").check();
            page.getByTestId("admin-masking-save").click();
            assertThat(page.getByTestId("admin-audit-row").first()).containsText("admin");
            scan("masking policy", page, findings);
            shoot(page, "admin-masking-" + language, overflowing);

            for (String section : List.of("agents", "idleCodes", "wrapUpReasons", "templates")) {
                page.getByTestId("admin-nav-" + section).click();
                assertThat(page.locator("#admin-section-title")).isVisible();
                page.locator("table.admin-table").first().waitFor();
                scan(section, page, findings);
            }
            assertThat(page.getByTestId("admin-template-row-greeting")).isVisible();
            page.getByTestId("admin-template-edit-greeting").click();
            page.getByTestId("admin-template-sample-customerName").fill("Jean");
            assertThat(page.getByTestId("admin-template-preview")).containsText("Hello Jean");
            scan("template preview", page, findings);
            shoot(page, "admin-templates-" + language, overflowing);
            page.getByTestId("admin-nav-agents").click();
            assertThat(page.getByTestId("admin-agent-row-alice")).isVisible();
            shoot(page, "admin-agents-" + language, overflowing);
        } finally {
            assertEquals(Map.of(), findings, "serious or critical accessibility violations per screen");
        }
    }

    /** Screenshots at 1366 and 400 px; notes the screen if it overflows sideways at 400 px. */
    private static void shoot(Page page, String name, Map<String, Integer> overflowing) {
        int overflow = Screenshots.saveWideAndNarrow(page, name);
        if (overflow > 0) {
            overflowing.put(name, overflow);
        }
    }

    private static void scan(String screen, Page page, Map<String, List<String>> findings) {
        List<String> serious = Accessibility.seriousViolations(page);
        if (!serious.isEmpty()) {
            findings.put(screen, serious);
        }
    }
}
