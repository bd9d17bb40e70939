package com.livechat.e2e.browser;

import com.livechat.e2e.browser.support.Accessibility;
import com.livechat.e2e.browser.support.Browsers;
import com.livechat.e2e.browser.support.Screenshots;
import com.livechat.e2e.support.CustomerSession;
import com.livechat.e2e.support.E2eStack;
import com.livechat.e2e.support.Fixtures;
import com.livechat.testsupport.stack.DemoData;
import com.livechat.testsupport.stack.LivechatService;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The desktop's shell in a real browser: log in, go available, a customer's chat pops up with its thread, accept
 * it, its tab opens; a reload keeps the session, the open conversation and its draft; end and wrap-up close it
 * and the history shows its transcript; French at 400 px shows the same.
 * Screenshots of each step in English at 1366 px and French at 400 px.
 */
class DesktopShellTest {

    private static String queue;
    private static String agent;

    @BeforeAll
    static void stack() {
        E2eStack.get();
        queue = Fixtures.queue("Desktop shell", 60);
        agent = Fixtures.agent("Agnès Durand", queue);
    }

    @Test
    void logInGoAvailableAcceptAnOfferAndSeeItsTab() {
        String gateway = E2eStack.url(LivechatService.GATEWAY);
        try (BrowserContext context = Browsers.newContext("en-GB", Browsers.DESKTOP)) {
            Page page = context.newPage();
            page.navigate(gateway + "/agent/");
            Screenshots.save(page, "desktop-login-en-1366");
            logIn(page);
            assertThat(page.getByTestId("agent-name")).hasText("Agnès Durand");
            assertThat(page.getByTestId("connection-status")).hasAttribute("data-status", "connected");

            page.getByTestId("agent-state").selectOption("AVAILABLE");
            assertThat(page.getByTestId("agent-state")).hasValue("AVAILABLE");

            try (CustomerSession customer = CustomerSession.start(gateway, queue, "Jean Dupont", "jean@example.com", "+33 6 12 34 56 78")) {
                customer.send("Bonjour,\nma commande n'est pas arrivée").expect(202);

                Locator offer = page.getByTestId("offer-popup");
                assertThat(offer).isVisible();
                assertThat(offer).hasAttribute("role", "alertdialog");
                assertThat(offer.getByTestId("offer-customer")).hasText("Jean Dupont");
                assertThat(offer.getByTestId("offer-kind")).hasAttribute("data-kind", "new");
                assertThat(offer.getByTestId("offer-thread").getByTestId("message-text"))
                        .hasText("Bonjour,\nma commande n'est pas arrivée");
                assertThat(offer.getByTestId("offer-countdown")).containsText("second");
                assertThat(page.getByTestId("offer-announcer")).containsText("Jean Dupont");
                assertThat(page).hasTitle("(1) Chat request – Agent desktop");
                Screenshots.save(page, "desktop-offer-en-1366");
                assertEquals(List.of(), Accessibility.seriousViolations(page));

                offer.getByTestId("offer-accept").click();
                Locator tab = page.getByTestId("conversation-tab");
                assertThat(tab).hasAttribute("data-conversation-id", customer.conversationId());
                assertThat(tab).hasAttribute("aria-selected", "true");
                assertThat(page.getByTestId("offer-popup")).hasCount(0);
                assertThat(page.getByTestId("conversation-pane"))
                        .hasAttribute("data-conversation-id", customer.conversationId());
                assertThat(page.getByTestId("capacity")).hasText("1/3");
                assertThat(page).hasTitle("Agent desktop");
                Screenshots.save(page, "desktop-conversation-en-1366");

                // A reload keeps the session, reopens the conversation and its draft.
                page.getByTestId("compose-input").fill("Je regarde,\nun instant");
                page.reload();
                assertThat(page.getByTestId("conversation-tab")).hasAttribute("aria-selected", "true");
                assertThat(page.getByTestId("compose-input")).hasValue("Je regarde,\nun instant");
                assertThat(page.getByTestId("conversation-pane"))
                        .hasAttribute("data-conversation-id", customer.conversationId());

                // Enter sends the draft over the socket; the customer gets it with its line break.
                page.getByTestId("compose-input").press("Enter");
                customer.awaitMessage("Je regarde,\nun instant");
                assertThat(page.getByTestId("compose-input")).hasValue("");
                assertThat(page.getByTestId("conversation-pane").locator("[data-testid=message][data-author=agent]"))
                        .containsText("un instant");

                try (BrowserContext french = Browsers.newContext("fr-FR", Browsers.NARROW)) {
                    Page narrow = french.newPage();
                    narrow.navigate(gateway + "/agent/");
                    assertThat(narrow.getByTestId("login-submit")).hasText("Se connecter");
                    Screenshots.save(narrow, "desktop-login-fr-400");
                    logIn(narrow);
                    assertThat(narrow.getByTestId("conversation-tab")).hasAttribute("data-conversation-id",
                            customer.conversationId());
                    assertThat(narrow.getByTestId("agent-state").locator("option:checked")).hasText("Disponible");
                    assertThat(narrow.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")))
                            .isVisible();
                    Screenshots.save(narrow, "desktop-conversation-fr-400");
                    assertEquals(List.of(), Accessibility.seriousViolations(narrow));
                }

                // End, wrap up: the tab closes; the history lists the chat and opens its transcript.
                page.getByTestId("end-conversation").click();
                Locator wrapUp = page.getByTestId("wrapup-dialog");
                assertThat(wrapUp).isVisible();
                wrapUp.locator("[data-testid=wrapup-option][data-reason-id=RESOLVED]").click();
                assertThat(wrapUp.getByTestId("wrapup-selected")).not().isEmpty();
                Screenshots.save(page, "desktop-wrapup-en-1366");
                wrapUp.getByTestId("wrapup-submit").click();
                assertThat(page.getByTestId("conversation-tab")).hasCount(0);
                assertThat(page.getByTestId("capacity")).hasText("0/3");

                page.getByTestId("history-open").click();
                page.getByTestId("history-search").fill("Jean");
                Locator row = page.locator("[data-testid=history-row][data-conversation-id='" + customer.conversationId() + "']");
                row.click();
                assertThat(page.getByTestId("transcript").getByTestId("message-text").filter(
                        new Locator.FilterOptions().setHasText("un instant"))).hasCount(1);
                Screenshots.save(page, "desktop-history-en-1366");
            }
        }
    }

    private static void logIn(Page page) {
        page.getByTestId("login-username").fill(agent);
        page.getByTestId("login-password").fill(DemoData.AGENT_PASSWORD);
        page.getByTestId("login-submit").click();
        assertThat(page.getByTestId("agent-state")).isVisible();
    }
}
