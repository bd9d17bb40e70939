package com.livechat.e2e.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.e2e.browser.support.Accessibility;
import com.livechat.e2e.browser.support.Browsers;
import com.livechat.e2e.browser.support.Browsers.Viewport;
import com.livechat.e2e.browser.support.Screenshots;
import com.livechat.e2e.browser.support.WidgetPage;
import com.livechat.e2e.support.AgentSession;
import com.livechat.e2e.support.E2eStack;
import com.livechat.e2e.support.Fixtures;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A website visitor chats through the widget embedded on a shop page, against the real services: launcher,
 * pre-chat form, queue position and waiting notice, an agent (socket helpers) joins once and replies on two lines,
 * a socket drop recovered without loss, a reload of the shop page reopening the same chat, End chat. In English
 * and French, at 1366 and 400 px; the language comes from the browser or from the script's data-lang.
 */
class WidgetTest {

    /** What each run expects to read, per language (the widget's translations, en/fr widget.json). */
    private record Words(String launcherOpen, String waiting, String joined, String masked, String ended) {
    }

    private static final Map<String, Words> WORDS = Map.of(
            "en", new Words("Open the chat", "Waiting for an agent", "joined the chat",
                    "Sensitive details are hidden in the saved chat.", "You ended the chat."),
            "fr", new Words("Ouvrir la discussion", "En attente d’un conseiller", "a rejoint la discussion",
                    "Les données sensibles sont masquées dans la discussion enregistrée.",
                    "Vous avez mis fin à la discussion."));

    static Stream<Arguments> runs() {
        return Stream.of(
                // language shown, browser locale, the script's data-lang, viewport
                Arguments.of("en", "en-GB", null, Browsers.DESKTOP),
                Arguments.of("en", "fr-FR", "en", Browsers.NARROW),
                Arguments.of("fr", "fr-FR", null, Browsers.DESKTOP),
                Arguments.of("fr", "en-GB", "fr", Browsers.NARROW));
    }

    @ParameterizedTest(name = "{0} (browser {1}, data-lang {2}) at {3}")
    @MethodSource("runs")
    void aCustomerChatsThroughTheWidgetFromStartToEnd(String language, String locale, String dataLang,
            Viewport viewport) {
        Words words = WORDS.get(language);
        String suffix = language + "-" + viewport.width();
        String queue = Fixtures.queue("Widget", 60);
        String agentId = Fixtures.agent("Wendy Widget", queue);
        String gateway = E2eStack.gateway(0);
        try (BrowserContext context = Browsers.newContext(locale, viewport);
                AgentSession agent = AgentSession.login(gateway, agentId)) {
            Page page = context.newPage();
            WidgetPage widget = WidgetPage.openShop(page, gateway, queue, dataLang);
            assertThat(widget.launcher()).hasText(words.launcherOpen());
            assertThat(widget.launcher()).hasAttribute("aria-expanded", "false");
            widget.open();
            assertThat(widget.chat().locator("html")).hasAttribute("lang", language);
            // The shop's CSS (red 40 px buttons) does not reach the widget.
            assertEquals("rgb(11, 92, 173)", widget.byTestId("prechat-submit")
                    .evaluate("button => getComputedStyle(button).backgroundColor"));
            Screenshots.save(page, "widget-prechat-" + suffix);

            widget.byTestId("prechat-submit").click();
            assertThat(widget.byTestId("prechat-name")).hasAttribute("aria-invalid", "true");
            assertThat(widget.byTestId("prechat-email")).hasAttribute("aria-invalid", "true");
            assertThat(widget.byTestId("prechat-name")).isFocused();
            widget.byTestId("prechat-email").fill("not an address");
            widget.byTestId("prechat-submit").click();
            assertThat(widget.byTestId("prechat-email")).hasAttribute("aria-invalid", "true");

            String conversationId = widget.start("Claire Dupont", "claire@example.com", "Where is my order?");
            widget.awaitStatus("waiting");
            assertThat(widget.byTestId("chat-status")).hasText(words.waiting());
            assertThat(widget.byTestId("queue-position")).containsText("1");
            assertThat(widget.byTestId("waiting-notice")).isVisible();
            assertThat(widget.messages("customer")).hasCount(1);
            assertEquals("Where is my order?", WidgetPage.shownText(widget.messages("customer").first()
                    .getByTestId("message-text")));
            Screenshots.save(page, "widget-waiting-" + suffix);
            assertEquals(List.of(), Accessibility.seriousViolations(widget.chatFrame()), "widget while waiting");

            agent.available();
            agent.takeChat(conversationId);
            widget.awaitStatus("connected");
            assertThat(widget.messagesContaining(words.joined())).hasCount(1);
            assertThat(widget.byTestId("waiting-notice")).isHidden();

            agent.send(conversationId, "Hello Claire,\nlet me check that for you.").expect(202);
            Locator reply = widget.messages("agent").last().getByTestId("message-text");
            assertThat(reply).hasText("Hello Claire,\nlet me check that for you.");
            assertEquals("Hello Claire,\nlet me check that for you.", WidgetPage.shownText(reply));
            assertTrue(lineCount(reply) == 2, "the reply shows on two lines");
            assertThat(widget.messages("agent").last().getByTestId("message-time")).hasText(
                    java.util.regex.Pattern.compile("^\\d{2}[:.]\\d{2}"));

            widget.typeAndSend("It is order A-42", "placed on Monday");
            agent.awaitMessage(conversationId, "It is order A-42\nplaced on Monday");
            assertThat(widget.byTestId("chat-input")).hasValue("");

            // The customer's own card number: the stored, masked echo replaces what was typed, with a note.
            widget.typeAndSend("My card 4111 1111 1111 1111 was charged twice");
            agent.awaitMessage(conversationId, "My card ************1111 was charged twice");
            Locator ownCard = widget.messages("customer").last();
            assertThat(ownCard.getByTestId("message-text")).hasText("My card ************1111 was charged twice");
            assertThat(ownCard).containsText(words.masked());
            Screenshots.save(page, "widget-chat-" + suffix);
            assertEquals(List.of(), Accessibility.seriousViolations(widget.chatFrame()), "widget in a chat");

            // A socket drop: the widget says so, keeps what is typed meanwhile, and catches up once back.
            context.setOffline(true);
            widget.awaitStatus("reconnecting");
            widget.typeAndSend("Are you still there?");
            agent.send(conversationId, "It ships tomorrow.").expect(202);
            Screenshots.save(page, "widget-reconnecting-" + suffix);
            context.setOffline(false);
            widget.awaitStatus("connected");
            assertThat(widget.messagesContaining("It ships tomorrow.")).hasCount(1);
            agent.awaitMessage(conversationId, "Are you still there?");
            assertThat(widget.messagesContaining("Are you still there?")).hasCount(1);

            // A reload of the shop page reopens the same chat, nothing lost and nothing twice.
            page.reload();
            widget.awaitStatus("connected");
            assertEquals(conversationId, widget.storedChat().path("conversationId").asText());
            assertThat(widget.messagesContaining("It ships tomorrow.")).hasCount(1);
            assertThat(widget.messagesContaining("Are you still there?")).hasCount(1);
            assertThat(widget.messagesContaining(words.joined())).hasCount(1);
            assertThat(widget.messages("customer")).hasCount(4);

            widget.endChat();
            assertThat(widget.messagesContaining(words.ended())).hasCount(1);
            assertThat(widget.byTestId("chat-input")).hasCount(0);
            JsonNode ended = agent.await("customer-ended", conversationId, frame -> true);
            assertEquals("CUSTOMER_ENDED", ended.path("to").asText());
            Screenshots.save(page, "widget-ended-" + suffix);

            // Minimise gives the focus back to the launcher.
            widget.byTestId("widget-minimise").click();
            assertThat(widget.launcher()).hasAttribute("aria-expanded", "false");
            assertThat(widget.launcher()).isFocused();
        }
    }

    private static long lineCount(Locator text) {
        Object lines = text.evaluate("element => { const range = document.createRange(); range.selectNodeContents(element);"
                + " return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size; }");
        return ((Number) lines).longValue();
    }
}
