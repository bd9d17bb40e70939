package com.livechat.e2e.browser;

import com.livechat.e2e.browser.support.Browsers;
import com.livechat.e2e.browser.support.DesktopPage;
import com.livechat.e2e.browser.support.DesktopScenario;
import com.livechat.e2e.browser.support.Screenshots;
import com.livechat.e2e.browser.support.WidgetPage;
import com.livechat.e2e.support.E2eStack;
import com.livechat.testsupport.stack.Http;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Script injection shown inert (issue 17, hostile input): a customer's name, a CAD attribute, the customer's
 * messages and an agent's display name holding {@code <img src=x onerror=...>} and {@code <script>} show as the
 * text they are, on the desktop and in the widget: no element is made of them, no handler or script runs (the
 * window flag they would set stays unset) and the Content-Security-Policy never had to refuse anything (which it
 * would if the markup had been rendered: its inline handler is what the policy blocks).
 */
class HostileTextBrowserTest {

    private static final String AGENT_NAME = "Ada <img src=x onerror=\"window.pwned='agent name'\">";
    private static final String CUSTOMER_NAME = "Eve <img src=x onerror=\"window.pwned='customer name'\">";
    private static final String QUESTION = "<script>window.pwned='question'</script>"
            + "<img src=x onerror=\"window.pwned='question img'\">";
    private static final String LATER = "<svg onload=\"window.pwned='svg'\"></svg><b>not bold</b>";
    private static final String ATTRIBUTE = "<img src=x onerror=\"window.pwned='attribute'\"><i>not italic</i>";

    /** Watches a page or frame: CSP refusals are recorded from now on; {@link #PROBE} reads what happened. */
    private static final String WATCH = "() => { window.cspRefusals = window.cspRefusals || [];"
            + " document.addEventListener('securitypolicyviolation',"
            + " e => window.cspRefusals.push(e.violatedDirective + ' ' + e.sourceFile + ':' + e.lineNumber)); }";
    private static final String PROBE = "() => JSON.stringify({pwned: window.pwned === undefined ? null : String(window.pwned),"
            + " refused: window.cspRefusals || [],"
            + " injected: document.querySelectorAll('img[src=\"x\"], svg[onload], script:not([src])').length})";
    private static final String CLEAN = "{\"pwned\":null,\"refused\":[],\"injected\":0}";

    @BeforeAll
    static void startSystem() {
        E2eStack.get();
    }

    @Test
    void scriptInNamesAttributesAndMessagesShowsAsTextAndNeverRuns() {
        try (DesktopScenario scenario = DesktopScenario.create("Hostile text")) {
            String agentId = scenario.agent(AGENT_NAME);
            DesktopPage desktop = scenario.availableDesktop(agentId);
            desktop.page().evaluate(WATCH);

            // The customer in the widget, with a hostile name and question.
            WidgetPage widget = WidgetPage.openShop(scenario.context("en-GB", Browsers.DESKTOP).newPage(),
                    E2eStack.gateway(1), scenario.queueId(), null).open();
            widget.chatFrame().evaluate(WATCH);
            String conversationId = widget.start(CUSTOMER_NAME, "eve@example.com", QUESTION);
            assertThat(desktop.offerPopup()).containsText(CUSTOMER_NAME);
            desktop.acceptOffer(conversationId);
            widget.awaitStatus("connected");
            assertEquals(QUESTION, DesktopPage.renderedText(desktop.messageText("customer", "window.pwned='question'")));
            assertThat(desktop.pane()).containsText(CUSTOMER_NAME);
            widget.typeAndSend(LATER);
            assertEquals(LATER, DesktopPage.renderedText(desktop.messageText("customer", "not bold")));
            assertThat(widget.messagesContaining("not bold")).hasCount(1);
            assertEquals(LATER, WidgetPage.shownText(widget.messagesContaining("not bold").getByTestId("message-text")));
            assertThat(widget.messagesContaining("window.pwned='question'")).hasCount(1);
            // The agent's display name reaches the widget ("... joined the chat") as text.
            assertThat(widget.chat().locator("body")).containsText("Ada <img src=x");

            // A customer through the API with a hostile CAD attribute, shown in the desktop's CAD panel.
            Map<String, Object> body = Map.of("queueId", scenario.queueId(),
                    "customer", Map.of("name", "Mallory <script>window.pwned='second name'</script>"),
                    "attributes", Map.of("note", ATTRIBUTE, "<b>key</b>", "plain"));
            String second = Http.post(E2eStack.gateway(0) + "/api/chats", null, body).expect(201).body()
                    .path("conversationId").asText();
            desktop.acceptOffer(second);
            Locator cad = desktop.cadPanel();
            assertThat(cad).containsText(ATTRIBUTE);
            assertThat(cad).containsText("<b>key</b>");
            assertThat(desktop.pane()).containsText("Mallory <script>window.pwned='second name'</script>");
            Screenshots.save(desktop.page(), "hostile-text-desktop-en-1366");
            Screenshots.save(widget.page(), "hostile-text-widget-en-1366");

            assertClean("desktop", desktop.page());
            assertClean("widget", widget.chatFrame());
            assertClean("shop page around the widget", widget.page());
        }
    }

    private static void assertClean(String where, Page page) {
        assertEquals(CLEAN, page.evaluate(PROBE), where + ": no injected element, handler, script or CSP refusal");
    }

    private static void assertClean(String where, Frame frame) {
        assertEquals(CLEAN, frame.evaluate(PROBE), where + ": no injected element, handler, script or CSP refusal");
    }
}
