package com.livechat.e2e.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.e2e.browser.support.Accessibility;
import com.livechat.e2e.browser.support.Browsers;
import com.livechat.e2e.browser.support.EnglishLeft;
import com.livechat.e2e.browser.support.Screenshots;
import com.livechat.e2e.browser.support.WidgetPage;
import com.livechat.e2e.support.AgentSession;
import com.livechat.e2e.support.E2eStack;
import com.livechat.e2e.support.Fixtures;
import com.livechat.testsupport.stack.Http;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queue's maximum wait in the widget, against the real services (issue 14): nobody serves the queue, the wait
 * runs out, and the customer reads plainly that the agents are still busy and they waited as long as allowed, with
 * "Start a new chat" and the offer to leave a message. The message form comes prefilled with the chat's name and
 * e-mail; the message sent, a confirmation. The message is a new chat in the same queue that the maximum wait no
 * longer ends: it still waits after several times that wait, and is offered, the message first, once an agent is
 * available. English and French, axe, no English left in French.
 */
class MaxWaitWidgetTest {

    private static final int MAX_WAIT_SECONDS = 4;
    /** A short window: the loader's panel is this minus 100 px high. */
    private static final int SHORT_HEIGHT = 520;

    @ParameterizedTest(name = "{0}")
    @CsvSource(quoteCharacter = '"', value = {
            "en, en-GB, you have waited as long as we allow, Leave a message, Thank you, your message was sent",
            "fr, fr-FR, vous avez attendu le temps maximum prévu, Laisser un message, Merci, votre message a été envoyé"})
    void aChatNobodyTakesEndsWithTheMaximumWaitMessageAndTheOfferToLeaveOne(String language, String locale,
            String endedText, String leaveButton, String sent) throws InterruptedException {
        String queue = Fixtures.queue("Widget max wait", 30);
        Http.put(Fixtures.adminApi("routing") + "/queues/" + queue, Fixtures.adminToken(), Map.of("name",
                "Widget max wait " + queue, "ronaTimeoutSeconds", 30, "maxWaitSeconds", MAX_WAIT_SECONDS)).expect(200);
        String gateway = E2eStack.gateway(0);
        String message = "Please call me back about order A-1042 (" + language + ")";
        try (BrowserContext context = Browsers.newContext(locale, Browsers.DESKTOP)) {
            Page page = context.newPage();
            WidgetPage widget = WidgetPage.openShop(page, gateway, queue, null);
            widget.open();
            String timedOut = widget.start("Mona Waiting", "mona@example.com", null);
            assertThat(widget.messagesContaining(endedText)).hasCount(1,
                    new LocatorAssertions.HasCountOptions().setTimeout(45_000));
            widget.awaitStatus("ended");
            assertThat(widget.byTestId("chat-new")).isVisible();
            assertThat(widget.byTestId("leave-message-open")).hasText(leaveButton);
            assertEquals(List.of(), Accessibility.seriousViolations(widget.chatFrame()), "ended, with the offer");
            Screenshots.save(page, "widget-max-wait-ended-" + language + "-1366");

            widget.byTestId("leave-message-open").click();
            assertThat(widget.byTestId("offline-form")).isVisible();
            assertThat(widget.byTestId("offline-name")).hasValue("Mona Waiting");
            assertThat(widget.byTestId("offline-contact")).hasValue("mona@example.com");
            assertThat(widget.byTestId("offline-message")).isFocused();
            widget.byTestId("offline-message").fill(message);
            assertEquals(List.of(), Accessibility.seriousViolations(widget.chatFrame()), "the message form");
            if (language.equals("fr")) {
                EnglishLeft.load().assertNoneOn(widget.chatFrame(), "widget message form after the maximum wait (fr)");
            }
            Screenshots.save(page, "widget-max-wait-leave-message-" + language + "-1366");
            // A short widget (400 px wide, the panel 420 px high): the form scrolls in its own area and the
            // "ended" notice stays whole in the thread above it.
            page.setViewportSize(400, SHORT_HEIGHT);
            // In view as a whole: not clipped by the thread's scroll area (an IntersectionObserver, which Playwright waits on).
            assertThat(widget.messagesContaining(endedText)).isInViewport(new LocatorAssertions.IsInViewportOptions().setRatio(0.99));
            assertTrue((Boolean) widget.byTestId("offline-form").evaluate("form => form.scrollHeight > form.clientHeight"),
                    "the form scrolls inside its own area");
            Screenshots.save(page, "widget-max-wait-leave-message-" + language + "-400");
            widget.byTestId("offline-submit").click();
            assertThat(widget.byTestId("offline-sent")).containsText(sent);
            assertEquals(List.of(), Accessibility.seriousViolations(widget.chatFrame()), "message sent");
            if (language.equals("fr")) {
                EnglishLeft.load().assertNoneOn(widget.chatFrame(), "widget message sent after the maximum wait (fr)");
            }

            // The message waits in the same queue, and outlives the maximum wait several times over.
            String left = await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.waitingIn(queue), ids -> ids.size() == 1)
                    .get(0);
            assertNotEquals(timedOut, left, "a new chat");
            Thread.sleep(Duration.ofSeconds(3L * MAX_WAIT_SECONDS).toMillis());
            assertEquals(List.of(left), Fixtures.waitingIn(queue), "the left message was ended by the maximum wait");

            // An agent becomes available: the message is offered, as the chat's first message.
            String agentId = Fixtures.agent("Lena Later", queue);
            try (AgentSession agent = AgentSession.login(gateway, agentId).available()) {
                JsonNode offer = agent.awaitOffer(left);
                assertEquals(List.of(message), AgentSession.threadTexts(offer));
            }
        }
    }

}
