package com.livechat.e2e.browser;

import com.livechat.e2e.browser.support.Accessibility;
import com.livechat.e2e.browser.support.Browsers;
import com.livechat.e2e.browser.support.DesktopPage;
import com.livechat.e2e.browser.support.DesktopScenario;
import com.livechat.e2e.browser.support.Screenshots;
import com.livechat.e2e.support.AgentSession;
import com.livechat.e2e.support.CustomerSession;
import com.livechat.e2e.support.E2eStack;
import com.livechat.e2e.support.Fixtures;
import com.livechat.testsupport.stack.DemoData;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The supervisor console (/console/) in a real browser on the real stack, in English and French: a waiting chat
 * appears in its queue's row and in the live chats, leaves the waiting count when an agent answers it, Monitor
 * shows its transcript read-only and follows it live, and an axe-core scan finds no serious or critical
 * violation. Saves console-en.png and console-fr.png (end-to-end-tests/target/screenshots; copied to
 * docs/screenshots for the README).
 */
class SupervisorConsoleBrowserTest {

    @BeforeAll
    static void startSystem() {
        E2eStack.get();
        PlaywrightAssertions.setDefaultAssertionTimeout(DesktopPage.WAIT_MS);
    }

    @Test
    void englishConsole() {
        walk("en-GB", "Supervisor console", "Monitor", "console-en");
    }

    @Test
    void frenchConsole() {
        walk("fr-FR", "Console de supervision", "Écouter", "console-fr");
    }

    private static void walk(String locale, String title, String monitorLabel, String screenshot) {
        try (DesktopScenario scenario = DesktopScenario.create("Console " + locale)) {
            String agentId = scenario.agent("Ada Agent");
            String supervisorId = Fixtures.supervisor("Sam Supervisor");
            BrowserContext context = scenario.context(locale, Browsers.DESKTOP);
            context.setDefaultTimeout(DesktopPage.WAIT_MS);
            Page page = context.newPage();
            page.navigate(E2eStack.gateway(0) + "/console/");
            page.getByTestId("login-username").fill(supervisorId);
            page.getByTestId("login-password").fill(DemoData.AGENT_PASSWORD);
            page.getByTestId("login-submit").click();
            assertThat(page.locator("h1")).hasText(title);
            assertThat(page.getByTestId("connection-status")).hasAttribute("data-status", "connected");

            // A chat waits: its queue shows it, and so do the live chats.
            CustomerSession customer = scenario.customer();
            String conversationId = customer.conversationId();
            Locator queueRow = testId(page, "queue-row", "data-queue-id", scenario.queueId());
            assertThat(queueRow.getByTestId("queue-waiting")).hasText("1");
            assertThat(queueRow.getByTestId("queue-offered")).hasText("1");
            Locator chatRow = testId(page, "chat-row", "data-conversation-id", conversationId);
            assertThat(chatRow).isVisible();

            // An agent answers: it leaves the waiting count and is counted as answered.
            AgentSession agent = scenario.agentSession(agentId).available();
            agent.acceptAndJoin(agent.awaitOffer(conversationId));
            assertThat(queueRow.getByTestId("queue-waiting")).hasText("0");
            assertThat(queueRow.getByTestId("queue-answered")).hasText("1");
            assertThat(testId(page, "agent-row", "data-agent-id", agentId).getByTestId("agent-chats")).containsText("1 /");

            // Monitor: the transcript so far, then what is said next, live; nothing to type into.
            customer.send("Where is my parcel?").expect(202);
            agent.awaitMessage(conversationId, "Where is my parcel?");
            chatRow.getByTestId("monitor-button").click();
            assertThat(chatRow.getByTestId("monitor-button")).hasText(monitorLabel);
            Locator monitor = testId(page, "monitor-panel", "data-conversation-id", conversationId);
            assertThat(monitor.getByTestId("message-list")).containsText("Where is my parcel?");
            agent.send(conversationId, "It left our warehouse this morning.").expect(202);
            assertThat(monitor.getByTestId("message-list")).containsText("It left our warehouse this morning.");
            assertThat(monitor.locator("textarea, input")).hasCount(0);

            Screenshots.save(page, screenshot);
            List<String> violations = Accessibility.seriousViolations(page);
            assertEquals(List.of(), violations, "serious or critical accessibility violations of the console");
        }
    }

    private static Locator testId(Page page, String id, String attribute, String value) {
        return page.locator("[data-testid='" + id + "'][" + attribute + "='" + value + "']");
    }
}
