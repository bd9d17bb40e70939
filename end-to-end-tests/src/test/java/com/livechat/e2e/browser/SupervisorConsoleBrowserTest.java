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
import com.livechat.testsupport.stack.Http;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The supervisor console (/console/) in a real browser on the real stack, in English and French: a waiting chat
 * appears in its queue's row and in the live chats, leaves the waiting count when an agent answers it, Monitor
 * shows its transcript read-only and follows it live, the customer's survey shows in the queue's satisfaction
 * figures (issue 14); Barge in (confirmed) shows the supervisor to the customer as joined and opens a compose box,
 * Take over (confirmed) moves the agent out; axe-core scans (the console, the confirmation, after the barge-in) find
 * no serious or critical violation. Saves console-{en,fr}-1366.png and console-{en,fr}-400.png
 * (end-to-end-tests/target/screenshots; copied to docs/screenshots for the README); at 400 px nothing overflows
 * sideways (the tables scroll in their own frames).
 */
class SupervisorConsoleBrowserTest {

    @BeforeAll
    static void startSystem() {
        E2eStack.get();
        PlaywrightAssertions.setDefaultAssertionTimeout(DesktopPage.WAIT_MS);
    }

    @Test
    void englishConsole() {
        walk("en-GB", "Supervisor console", "Monitor", "4.0 / 5", "console-en",
                new Intervention("Barge in", "Barge in?", "Take over", "Take over?", "Send",
                        "The customer has ended the conversation", "Customer left"));
    }

    @Test
    void frenchConsole() {
        walk("fr-FR", "Console de supervision", "Écouter", "4,0 / 5", "console-fr",
                new Intervention("Intervenir", "Intervenir ?", "Reprendre", "Reprendre la conversation ?", "Envoyer",
                        "Le client a mis fin à la conversation", "Client parti"));
    }

    /**
     * The labels of the barge-in and take-over controls in one language, the transcript's customer-ended line and
     * the live list's state for it.
     */
    private record Intervention(String bargeIn, String bargeInTitle, String takeOver, String takeOverTitle,
            String send, String customerEnded, String customerLeft) {
    }

    private static void walk(String locale, String title, String monitorLabel, String rating, String screenshot,
            Intervention labels) {
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

            // A customer may type a name as long as the form allows (200): its row shows the start of it, cut
            // with an ellipsis, the whole of it in the title, and the other columns stay where they were.
            String longName = "Maximilienne-Alexandrine ".repeat(8).trim();
            CustomerSession longNamed = scenario.customer(longName);
            Locator longRow = testId(page, "chat-row", "data-conversation-id", longNamed.conversationId());
            Locator longNameCell = longRow.getByTestId("chat-customer");
            assertThat(longNameCell).hasAttribute("title", longName);
            double cellWidth = longNameCell.boundingBox().width;
            assertTrue(cellWidth < 300, "the name cell is " + cellWidth + " px wide");
            longNamed.end().expect(202);
            assertThat(longRow).hasCount(0);

            // A chat waits: its queue shows it, and so do the live chats.
            CustomerSession customer = scenario.customer();
            String conversationId = customer.conversationId();
            Locator queueRow = testId(page, "queue-row", "data-queue-id", scenario.queueId());
            assertThat(queueRow.getByTestId("queue-waiting")).hasText("1");
            assertThat(queueRow.getByTestId("queue-offered")).hasText("2"); // the long-named chat entered it too
            Locator chatRow = testId(page, "chat-row", "data-conversation-id", conversationId);
            assertThat(chatRow).isVisible();

            // An agent answers: it leaves the waiting count and is counted as answered.
            AgentSession agent = scenario.agentSession(agentId).available();
            agent.takeChat(conversationId);
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

            // Barge in, after a confirmation: the customer sees the supervisor join; a compose box appears.
            monitor.getByTestId("monitor-barge-in").click();
            Locator confirm = page.getByTestId("monitor-confirm");
            assertThat(confirm.getByRole(com.microsoft.playwright.options.AriaRole.HEADING)).hasText(labels.bargeInTitle());
            assertEquals(List.of(), Accessibility.seriousViolations(page), "the barge-in confirmation");
            confirm.getByTestId("monitor-confirm-ok").click();
            customer.await("agent-joined", frame -> "Sam Supervisor".equals(frame.path("agentName").asText()));
            assertThat(monitor.getByTestId("message-list")).containsText("Sam Supervisor");
            monitor.getByTestId("monitor-compose-text").fill("A supervisor is here to help.");
            assertThat(monitor.getByTestId("monitor-compose-send")).hasText(labels.send());
            monitor.getByTestId("monitor-compose-send").click();
            customer.awaitMessage("A supervisor is here to help.");
            assertThat(monitor.getByTestId("message-list")).containsText("A supervisor is here to help.");
            assertThat(monitor.getByTestId("monitor-barge-in")).hasCount(0);
            assertEquals(List.of(), Accessibility.seriousViolations(page), "the console after a barge-in");

            // Take over, after a confirmation: the agent is told and leaves the chat.
            assertThat(monitor.getByTestId("monitor-take-over")).hasText(labels.takeOver());
            monitor.getByTestId("monitor-take-over").click();
            assertThat(confirm.getByRole(com.microsoft.playwright.options.AriaRole.HEADING)).hasText(labels.takeOverTitle());
            confirm.getByTestId("monitor-confirm-ok").click();
            agent.awaitMessage(conversationId, "Sam Supervisor (supervisor) took over the chat. Please wrap up.");
            customer.await("agent-left", frame -> "Ada Agent".equals(frame.path("agentName").asText()));
            assertThat(monitor.getByTestId("monitor-take-over")).hasCount(0);

            // The customer leaves and rates the chat: the queue's satisfaction figures count it.
            assertThat(queueRow.getByTestId("queue-surveys")).hasText("0");
            assertThat(queueRow.getByTestId("queue-average-rating")).hasText("–");
            customer.end().expect(202);
            // The row agrees with the transcript at every moment (not only after the list's next reading): once the
            // transcript says the customer ended the chat, the row says so and no longer names the agent who left.
            assertThat(monitor.getByTestId("message").filter(new Locator.FilterOptions().setHasText(labels.customerEnded())))
                    .hasCount(1);
            assertEquals(labels.customerLeft(), chatRow.getByTestId("chat-state").textContent(), "the row's state");
            assertTrue(!chatRow.textContent().contains("Ada Agent"), "the agent who left: " + chatRow.textContent());
            await().atMost(Duration.ofSeconds(30)).until(() -> Http.post(E2eStack.gateway(1) + "/api/chats/"
                    + conversationId + "/survey", customer.token(), Map.of("rating", 4)).status() == 202);
            assertThat(queueRow.getByTestId("queue-surveys")).hasText("1");
            assertThat(queueRow.getByTestId("queue-average-rating")).hasText(rating);

            assertEquals(0, Screenshots.saveWideAndNarrow(page, screenshot), "the console overflows at 400 px");
            List<String> violations = Accessibility.seriousViolations(page);
            assertEquals(List.of(), violations, "serious or critical accessibility violations of the console");
        }
    }

    private static Locator testId(Page page, String id, String attribute, String value) {
        return page.locator("[data-testid='" + id + "'][" + attribute + "='" + value + "']");
    }
}
