package com.livechat.e2e.browser;

import com.livechat.e2e.CustomerInactivityEndToEndTest;
import com.livechat.e2e.browser.support.Accessibility;
import com.livechat.e2e.browser.support.Browsers;
import com.livechat.e2e.browser.support.Screenshots;
import com.livechat.e2e.browser.support.WidgetPage;
import com.livechat.e2e.support.AgentSession;
import com.livechat.e2e.support.E2eStack;
import com.livechat.e2e.support.Fixtures;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Customer inactivity in the widget, against the real services (issue 14): a silent customer sees "Are you still
 * there?", the button keeps the chat open (it sends a message the agent reads), and after a second silence the chat
 * ends for inactivity with its own message. English and French; axe on the warning.
 */
class InactivityWidgetTest {

    /** Deadlines are seconds apart: give the scans and the pushes room on a busy machine. */
    private static final LocatorAssertions.IsVisibleOptions LONG = new LocatorAssertions.IsVisibleOptions()
            .setTimeout(45_000);

    @ParameterizedTest(name = "{0}")
    @CsvSource(quoteCharacter = '"', value = {
            "en, en-GB, Are you still there?, I'm still here., You did not reply for a while",
            "fr, fr-FR, Êtes-vous toujours là\u00a0?, Je suis toujours là., Vous n’avez pas répondu depuis un moment"})
    void aSilentCustomerIsAskedThenKeepsTheChatThenLosesIt(String language, String locale, String question,
            String stayMessage, String endedText) {
        String queue = CustomerInactivityEndToEndTest.quietQueue("Widget quiet", 4, 12);
        String agentId = Fixtures.agent("Vera Quiet", queue);
        String gateway = E2eStack.gateway(0);
        try (BrowserContext context = Browsers.newContext(locale, Browsers.DESKTOP);
                AgentSession agent = AgentSession.login(gateway, agentId)) {
            Page page = context.newPage();
            WidgetPage widget = WidgetPage.openShop(page, gateway, queue, null);
            widget.open();
            String conversationId = widget.start("Nina Quiet", "nina@example.com", null);
            agent.available();
            agent.takeChat(conversationId);
            widget.awaitStatus("connected");

            assertThat(widget.byTestId("inactivity-warning")).isVisible(LONG);
            assertThat(widget.byTestId("inactivity-warning")).containsText(question);
            assertEquals(List.of(), Accessibility.seriousViolations(widget.chatFrame()), "widget with the warning");
            Screenshots.save(page, "widget-inactivity-warning-" + language + "-1366");

            widget.byTestId("inactivity-stay").click();
            assertThat(widget.byTestId("inactivity-warning")).isHidden();
            agent.awaitMessage(conversationId, stayMessage);
            widget.awaitStatus("connected");

            // Silent again: warned again, then the chat ends for inactivity.
            assertThat(widget.byTestId("inactivity-warning")).isVisible(LONG);
            assertThat(widget.messagesContaining(endedText)).hasCount(1,
                    new LocatorAssertions.HasCountOptions().setTimeout(45_000));
            widget.awaitStatus("ended");
            assertThat(widget.byTestId("inactivity-warning")).isHidden();
            assertThat(widget.byTestId("chat-input")).hasCount(0);
            Screenshots.save(page, "widget-inactive-ended-" + language + "-1366");
            agent.await("customer-ended", conversationId, frame -> "INACTIVE".equals(frame.path("to").asText()));
        }
    }
}
