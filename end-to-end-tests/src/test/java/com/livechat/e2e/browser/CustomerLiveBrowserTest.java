package com.livechat.e2e.browser;

import com.livechat.e2e.browser.support.Accessibility;
import com.livechat.e2e.browser.support.Browsers;
import com.livechat.e2e.browser.support.DesktopPage;
import com.livechat.e2e.browser.support.DesktopScenario;
import com.livechat.e2e.browser.support.Screenshots;
import com.livechat.e2e.browser.support.WidgetPage;
import com.livechat.e2e.support.E2eStack;
import com.livechat.e2e.support.Fixtures;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 14 in the browsers: typing indicators shown and gone both ways (widget on one gateway instance, desktop on
 * the other), the satisfaction survey in the widget after the end (sent once), and its rating in the agent's
 * history and transcript. Screenshots {@code customer-live-*}.
 */
class CustomerLiveBrowserTest {

    @BeforeAll
    static void startSystem() {
        E2eStack.get();
    }

    @Test
    void typingBothWaysThenTheSurveyAndItsRatingInTheHistory() throws Exception {
        try (DesktopScenario scenario = DesktopScenario.create("Customer live")) {
            String aliceId = scenario.agent("Alice Live");
            DesktopPage alice = scenario.availableDesktop(aliceId);
            WidgetPage customer = WidgetPage.openShop(scenario.context("en-GB", Browsers.DESKTOP).newPage(),
                    E2eStack.gateway(1), scenario.queueId(), null).open();
            String conversationId = customer.start(DesktopScenario.CUSTOMER_NAME, "jean.dupont@example.com",
                    "Hello, a question about my order");
            alice.acceptOffer(conversationId);
            customer.awaitStatus("connected");

            // The customer types: "Customer is typing…" in the pane and on the tab, gone 3 s after the last key.
            customer.typeWithoutSending("I would like to");
            assertThat(alice.customerTyping()).isVisible();
            assertThat(alice.tab(conversationId).getByTestId("tab-typing")).isVisible();
            Screenshots.save(alice.page(), "customer-live-customer-typing-en-1366");
            assertThat(alice.customerTyping()).isHidden();
            assertThat(alice.tab(conversationId).getByTestId("tab-typing")).isHidden();

            // The agent types: "Agent is typing…" in the widget, gone when the message is sent.
            alice.typeLines("Let me check");
            assertThat(customer.agentTyping()).isVisible();
            Screenshots.save(customer.page(), "customer-live-agent-typing-en-1366");
            alice.composeInput().press("Enter");
            assertThat(customer.messagesContaining("Let me check")).hasCount(1);
            assertThat(customer.agentTyping()).isHidden();

            // Read receipts: the agent's pane has the focus, so the customer's messages are read: "Read" under the
            // customer's last one; the customer's widget has the focus once they type: "Seen" on the agent's message.
            customer.typeAndSend("Order 1042");
            assertThat(alice.messageText("customer", "Order 1042")).isVisible();
            alice.page().bringToFront();
            alice.composeInput().click();
            assertThat(customer.readReceipt()).hasCount(1);
            assertThat(customer.messagesContaining("Order 1042").getByTestId("read-receipt")).hasCount(1);
            customer.page().bringToFront();
            customer.typeWithoutSending(" ");
            assertThat(alice.seenMark()).hasCount(1);
            assertThat(alice.messagesBy("agent").filter(new Locator.FilterOptions().setHasText("Let me check"))
                    .getByTestId("seen-mark")).hasCount(1);
            Screenshots.save(alice.page(), "customer-live-seen-en-1366");
            Screenshots.save(customer.page(), "customer-live-read-en-1366");

            customer.endChat();
            assertThat(customer.byTestId("survey")).isVisible();
            assertEquals(List.of(), Accessibility.seriousViolations(customer.chatFrame()),
                    "the survey has no serious or critical accessibility violation");
            customer.byTestId("survey-submit").click();
            assertThat(customer.byTestId("survey-error")).isVisible(); // no rating chosen yet
            customer.rate(4, "Quick and kind, card 4111 1111 1111 1111");
            assertThat(customer.byTestId("survey-thanks")).isVisible();
            assertThat(customer.byTestId("survey-submit")).hasCount(0);
            Screenshots.save(customer.page(), "customer-live-survey-thanks-en-1366");

            alice.endConversation();
            alice.wrapUp("Resol", "RESOLVED", null);
            Fixtures.assertClosedWithWrapUps(conversationId, Map.of(aliceId, 1));
            alice.openHistory();
            assertThat(alice.historyRating(conversationId)).containsText("4/5");
            Screenshots.save(alice.page(), "customer-live-history-rating-en-1366");
            Locator transcript = alice.openTranscript(conversationId);
            assertThat(transcript.getByTestId("message").filter(new Locator.FilterOptions()
                    .setHasText("rated the chat 4/5"))).hasCount(1);
            assertThat(transcript.getByTestId("message").filter(new Locator.FilterOptions()
                    .setHasText("************1111"))).hasCount(1);
        }
    }
}
