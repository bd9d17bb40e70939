package com.livechat.e2e.browser;

import com.livechat.e2e.browser.support.Accessibility;
import com.livechat.e2e.browser.support.Browsers;
import com.livechat.e2e.browser.support.DesktopPage;
import com.livechat.e2e.browser.support.DesktopScenario;
import com.livechat.e2e.browser.support.Screenshots;
import com.livechat.e2e.browser.support.WidgetPage;
import com.livechat.e2e.support.E2eStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 14 in French, in both browsers (CustomerLiveBrowserTest does it in English): "Le client écrit…" on the
 * desktop and "Le conseiller écrit…" in the widget, shown and gone; the read receipts "Lu" in the widget and "Vu" on
 * the desktop; the survey in the widget after the end, with its French thank-you. Screenshots
 * {@code customer-live-*-fr-1366}.
 */
class CustomerLiveFrenchBrowserTest {

    @BeforeAll
    static void startSystem() {
        E2eStack.get();
    }

    @Test
    void typingReceiptsAndTheSurveyInFrench() {
        try (DesktopScenario scenario = DesktopScenario.create("Customer live FR")) {
            String agentId = scenario.agent("Agathe Directe");
            DesktopPage agent = scenario.desktop(agentId, "fr-FR", Browsers.DESKTOP).becomeAvailable();
            WidgetPage customer = WidgetPage.openShop(scenario.context("fr-FR", Browsers.DESKTOP).newPage(),
                    E2eStack.gateway(1), scenario.queueId(), null).open();
            String conversationId = customer.start(DesktopScenario.CUSTOMER_NAME, "jean.dupont@example.com",
                    "Bonjour, une question sur ma commande");
            agent.acceptOffer(conversationId);
            customer.awaitStatus("connected");

            customer.typeWithoutSending("Je voudrais");
            assertThat(agent.customerTyping()).isVisible();
            assertThat(agent.customerTyping()).containsText("Le client écrit…");
            Screenshots.save(agent.page(), "customer-live-customer-typing-fr-1366");
            assertThat(agent.customerTyping()).isHidden();

            agent.typeLines("Je regarde");
            assertThat(customer.agentTyping()).isVisible();
            assertThat(customer.agentTyping()).containsText("Le conseiller écrit…");
            Screenshots.save(customer.page(), "customer-live-agent-typing-fr-1366");
            agent.composeInput().press("Enter");
            assertThat(customer.messagesContaining("Je regarde")).hasCount(1);
            assertThat(customer.agentTyping()).isHidden();

            customer.typeAndSend("Commande 1042");
            assertThat(agent.messageText("customer", "Commande 1042")).isVisible();
            agent.page().bringToFront();
            agent.composeInput().click();
            assertThat(customer.readReceipt()).hasCount(1);
            assertThat(customer.readReceipt()).containsText("Lu");
            customer.page().bringToFront();
            customer.typeWithoutSending(" ");
            assertThat(agent.seenMark()).hasCount(1);
            assertThat(agent.seenMark()).containsText("Vu");
            Screenshots.save(agent.page(), "customer-live-seen-fr-1366");
            Screenshots.save(customer.page(), "customer-live-read-fr-1366");

            customer.endChat();
            assertThat(customer.byTestId("survey")).isVisible();
            assertThat(customer.byTestId("survey")).containsText("Comment s’est passée votre conversation");
            assertEquals(List.of(), Accessibility.seriousViolations(customer.chatFrame()),
                    "the French survey has no serious or critical accessibility violation");
            customer.rate(5, "Rapide et aimable");
            assertThat(customer.byTestId("survey-thanks")).hasText("Merci pour votre avis !");
            assertThat(customer.byTestId("survey-submit")).hasCount(0);
            Screenshots.save(customer.page(), "customer-live-survey-thanks-fr-1366");
        }
    }
}
