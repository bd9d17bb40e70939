package com.livechat.e2e.browser;

import com.livechat.e2e.browser.support.DesktopPage;
import com.livechat.e2e.browser.support.DesktopScenario;
import com.livechat.e2e.browser.support.Browsers;
import com.livechat.e2e.browser.support.Screenshots;
import com.livechat.e2e.browser.support.WidgetPage;
import com.livechat.e2e.support.E2eStack;
import com.livechat.e2e.support.Fixtures;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole chat as the people doing it see it: a customer (the widget on a shop page) and two agents, each in their
 * own browser context (Alice serves the queue, Bruno only takes transfers and conferences). The customer's card
 * number, IBAN and e-mail reach the agents masked; Alice answers on two lines and with a template, transfers to
 * Bruno, who later invites Alice back to a conference, which she leaves; the customer ends; Bruno ends and wraps
 * up, and finds the chat in his history. Screenshots of each main screen along the way ({@code whole-chat-*}).
 */
class WholeChatBrowserTest {

    private static final String CARD = "4111 1111 1111 1111";
    private static final String IBAN = "FR76 3000 6000 0112 3456 7890 189";
    private static final String EMAIL = "jean.private@example.org";

    @BeforeAll
    static void startSystem() {
        E2eStack.get();
    }

    @Test
    void customerAndTwoAgentsCompleteAChat() throws Exception {
        try (DesktopScenario scenario = DesktopScenario.create("Whole chat")) {
            String aliceId = scenario.agent("Alice Browser");
            String brunoId = scenario.agentOutsideTheQueue("Bruno Browser");
            DesktopPage alice = scenario.availableDesktop(aliceId);
            DesktopPage bruno = scenario.availableDesktop(brunoId);
            Screenshots.save(alice.page(), "whole-chat-desktop-idle-en-1366");

            WidgetPage customer = WidgetPage.openShop(scenario.context("en-GB", Browsers.DESKTOP).newPage(),
                    E2eStack.gateway(1), scenario.queueId(), null).open();
            String conversationId = customer.start(DesktopScenario.CUSTOMER_NAME, "jean.dupont@example.com",
                    "Hello, I was charged twice");
            assertThat(alice.offerPopup().getByTestId("offer-thread").getByTestId("message"))
                    .containsText(new String[] {"Hello, I was charged twice"});
            Screenshots.save(alice.page(), "whole-chat-offer-en-1366");
            alice.acceptOffer(conversationId);
            customer.awaitStatus("connected");

            customerDataArrivesMasked(customer, alice);
            aliceAnswersOnTwoLinesAndWithATemplate(customer, alice);
            Screenshots.save(alice.page(), "whole-chat-conversation-en-1366");

            alice.openTransfer();
            alice.chooseTransferAgent(brunoId, "Bruno");
            Screenshots.save(alice.page(), "whole-chat-transfer-dialog-en-1366");
            alice.transferDialog().getByTestId("transfer-submit").click();
            assertThat(bruno.offerPopup().getByTestId("offer-kind")).hasAttribute("data-kind", "transfer");
            assertThat(bruno.offerPopup().getByTestId("offer-kind")).containsText("Alice Browser");
            Screenshots.save(bruno.page(), "whole-chat-offer-transfer-en-1366");
            bruno.acceptOffer(conversationId);
            assertThat(bruno.messagesBy("customer")).not().hasCount(0);

            assertThat(alice.wrapUpDialog()).isVisible();
            alice.wrapUp("Trans", "TRANSFERRED", "passed to Bruno");

            bruno.inviteToConference(aliceId, "Alice");
            assertThat(alice.offerPopup().getByTestId("offer-kind")).hasAttribute("data-kind", "conference");
            alice.acceptOffer(conversationId);
            customer.typeAndSend("Thank you both");
            alice.messageText("customer", "Thank you both");
            bruno.messageText("customer", "Thank you both");
            Screenshots.save(bruno.page(), "whole-chat-conference-en-1366");
            alice.byTestId("end-conference").click(); // the one who ends the conference leaves it
            assertThat(alice.wrapUpDialog()).isVisible();
            alice.wrapUp("Resol", "RESOLVED", null);

            Screenshots.save(customer.page(), "whole-chat-widget-en-1366");
            customer.endChat();
            assertThat(bruno.byTestId("customer-ended-alert")).isVisible();
            assertThat(bruno.sendButton()).isDisabled();
            Screenshots.save(bruno.page(), "whole-chat-customer-ended-en-1366");
            bruno.endConversation();
            Screenshots.save(bruno.page(), "whole-chat-wrapup-en-1366");
            bruno.wrapUp("Resol", "RESOLVED", "refund issued");
            Fixtures.assertClosedWithWrapUps(conversationId, Map.of(aliceId, 2, brunoId, 1));
            assertEquals("DONE RESOLVED", Fixtures.participationsOf(conversationId, brunoId).get(0));

            bruno.openHistory();
            Screenshots.save(bruno.page(), "whole-chat-history-en-1366");
            Locator transcript = bruno.openTranscript(conversationId);
            assertThat(transcript.getByTestId("message").filter(new Locator.FilterOptions()
                    .setHasText("Thank you both"))).hasCount(1);
            Screenshots.save(bruno.page(), "whole-chat-transcript-en-1366");
        }
    }

    /** What the customer typed arrives masked: no card number, IBAN or e-mail address in clear on the desktop. */
    private static void customerDataArrivesMasked(WidgetPage customer, DesktopPage alice) {
        customer.typeAndSend("My card " + CARD + ", IBAN " + IBAN + ", mail " + EMAIL);
        String shown = DesktopPage.renderedText(alice.messageText("customer", "My card"));
        assertTrue(shown.contains("************1111"), "the card number shows masked: " + shown);
        assertFalse(shown.contains(CARD) || shown.contains(CARD.replace(" ", "")), "card in clear: " + shown);
        assertFalse(shown.contains(IBAN) || shown.contains(IBAN.replace(" ", "")), "IBAN in clear: " + shown);
        assertFalse(shown.contains(EMAIL), "e-mail in clear: " + shown);
        String page = (String) alice.page().evaluate("() => document.body.innerText");
        assertFalse(page.contains(CARD) || page.contains(IBAN) || page.contains(EMAIL),
                "the page shows nothing in clear anywhere");
    }

    private static void aliceAnswersOnTwoLinesAndWithATemplate(WidgetPage customer, DesktopPage alice) {
        alice.typeAndPressEnter("Hello Jean,", "let me check that for you.");
        Locator answer = customer.messages("agent").filter(new Locator.FilterOptions().setHasText("let me check"));
        assertThat(answer).hasCount(1);
        assertEquals("Hello Jean,\nlet me check that for you.",
                WidgetPage.shownText(answer.getByTestId("message-text")));
        assertEquals("Hello Jean,\nlet me check that for you.",
                DesktopPage.renderedText(alice.messageText("agent", "let me check")));

        alice.chooseTemplate("greeting");
        alice.fillEmptyTemplateParameters(Map.of("customerName", DesktopScenario.CUSTOMER_NAME,
                "agentName", "Alice Browser"));
        assertThat(alice.byTestId("template-preview")).containsText(DesktopScenario.CUSTOMER_NAME);
        alice.insertTemplateAndSend();
        assertThat(customer.messagesContaining("Hello " + DesktopScenario.CUSTOMER_NAME
                + ", my name is Alice Browser")).hasCount(1);
        alice.messageText("agent", "my name is Alice Browser");
    }
}
