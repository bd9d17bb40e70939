package com.livechat.e2e.browser;

import com.livechat.e2e.browser.support.Browsers;
import com.livechat.e2e.browser.support.DesktopPage;
import com.livechat.e2e.browser.support.DesktopScenario;
import com.livechat.e2e.browser.support.Screenshots;
import com.livechat.e2e.browser.support.WidgetPage;
import com.livechat.e2e.support.AgentSession;
import com.livechat.e2e.support.CustomerSession;
import com.livechat.e2e.support.E2eStack;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A message refused with {@code SERVICE_UNAVAILABLE} (issue 17: a dependency down, "the widget and desktop show it and
 * retry by themselves"): on the desktop and in the widget it shows in the thread at once, "Not sent yet, retrying in
 * N s", can be cancelled, and is replaced by the real message, once, when the gateway takes it. That it survives a
 * reload (kept in sessionStorage, sent again with the same clientMessageId) is tested by the web UI's vitest
 * ({@code pendingMessages.test.ts}): Playwright for Java 1.57 throws a NullPointerException
 * ({@code WebSocketRouteImpl.handleEvent}, a close event without a code) when a page with a routed socket reloads.
 *
 * <p>How the gateway is made to refuse: a route on the page's WebSocket (Playwright's {@code routeWebSocket})
 * passes every frame through to the real gateway, except that while {@link Outage#on} it answers each {@code send}
 * with the frame the gateway sends while its broker is down (the {@code error} frame of
 * {@code livechat-contracts} {@code socket/shared/error.json}: {@code code SERVICE_UNAVAILABLE}, {@code status 503},
 * the send's correlationId; the gateway's own refusal is tested by {@code BrokerOutageTest}). Taking the broker of the
 * shared end-to-end stack down would stall every other scenario of the run. The route's callbacks run while the test
 * waits in Playwright (assertions), so each step waits on the page before it waits on a socket.
 */
class UnavailableSendBrowserTest {

    @BeforeAll
    static void startSystem() {
        E2eStack.get();
    }

    /**
     * Playwright for Java 1.57 cannot read the close event of a routed socket that a closing page sends without a
     * code: it throws a NullPointerException at the next Playwright call, whichever test makes it. Made here, after
     * each test of this class (the only one that routes sockets), and swallowed: the event is consumed by then.
     */
    @AfterEach
    void consumeTheRoutedSocketsCloseEvents() {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Browsers.newContext("en-GB", Browsers.DESKTOP).close();
                return;
            } catch (NullPointerException playwrightCloseEventWithoutCode) {
                // consumed; try again until a call goes through
            }
        }
    }

    /** The gateway refusing sends while {@link #on}: see the class comment. */
    static final class Outage {
        volatile boolean on;
        int refused;

        /** {@code socketPath} is matched in the browser, as a JavaScript regular expression: plain characters only. */
        void install(BrowserContext context, String socketPath) {
            context.routeWebSocket(Pattern.compile(".*" + socketPath + ".*"), this::route);
        }

        private void route(WebSocketRoute page) {
            WebSocketRoute gateway = page.connectToServer();
            page.onMessage(frame -> {
                String text = frame.text();
                if (on && text != null && text.contains("\"type\":\"send\"")) {
                    refused++;
                    page.send(refusal(text));
                } else if (text != null) {
                    gateway.send(text);
                } else {
                    gateway.send(frame.binary());
                }
            });
        }

        private static String refusal(String send) {
            String correlationId = field(send, "correlationId");
            String conversationId = field(send, "conversationId");
            return "{\"type\":\"error\",\"code\":\"SERVICE_UNAVAILABLE\",\"status\":503,"
                    + "\"message\":\"The service is unavailable for a moment: try again shortly\","
                    + "\"correlationId\":\"" + correlationId + "\""
                    + (conversationId == null ? "" : ",\"conversationId\":\"" + conversationId + "\"") + "}";
        }

        /** A string field of a client frame (its ids are plain tokens, no escapes). */
        private static String field(String json, String name) {
            var matcher = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
            return matcher.find() ? matcher.group(1) : null;
        }
    }

    @Test
    void desktopShowsTheWaitingMessageLetsItBeCancelledAndShowsItOnceSent() {
        try (DesktopScenario scenario = DesktopScenario.create("Unavailable desktop")) {
            String agentId = scenario.agent("Una Vailable");
            BrowserContext context = scenario.context("en-GB", Browsers.DESKTOP);
            Outage outage = new Outage();
            outage.install(context, "/ws/agent");
            DesktopPage desktop = DesktopPage.loggedIn(context, E2eStack.gateway(0), agentId).becomeAvailable();
            CustomerSession customer = scenario.acceptedCustomer(desktop);

            outage.on = true;
            desktop.send("Your parcel left the depot.");
            Locator waiting = pending(desktop, "Your parcel left the depot.");
            assertThat(waiting).hasCount(1);
            assertThat(waiting.getByTestId("pending-status")).containsText("Not sent yet, retrying in");
            assertThat(waiting).hasAttribute("data-author", "agent");
            Screenshots.save(desktop.page(), "desktop-message-unavailable-en-1366");

            // A second message, cancelled by the agent: gone from the thread and from the reload's storage.
            desktop.send("Please ignore this one.");
            cancel(pending(desktop, "Please ignore this one."), "Not sent yet");
            assertThat(desktop.messages().filter(new Locator.FilterOptions().setHasText("Please ignore this one.")))
                    .hasCount(0);

            // The dependency is back: the retry goes through, the waiting bubble becomes the real message, once.
            outage.on = false;
            Locator sent = desktop.messages().filter(new Locator.FilterOptions().setHasText("Your parcel left the depot."));
            assertThat(desktop.page().locator("[data-testid=message][data-pending]")).hasCount(0);
            assertThat(sent).hasCount(1);
            customer.awaitMessage("Your parcel left the depot.");

            // The cancelled message never reached the customer: the next one arrives, it did not.
            desktop.send("See you soon.");
            assertThat(desktop.messages().filter(new Locator.FilterOptions().setHasText("See you soon."))).hasCount(1);
            customer.awaitMessage("See you soon.");
            assertEquals(0, customer.socket().frames("message").stream()
                    .filter(frame -> frame.path("text").asText().contains("Please ignore")).count());
        }
    }

    @Test
    void widgetShowsTheWaitingMessageInFrenchLetsItBeCancelledAndShowsItOnceSent() {
        try (DesktopScenario scenario = DesktopScenario.create("Unavailable widget")) {
            AgentSession agent = scenario.agentSession(scenario.agent("Widget Agent")).available();
            BrowserContext context = scenario.context("fr-FR", Browsers.NARROW);
            Outage outage = new Outage();
            outage.install(context, "/ws/customer/");
            Page page = context.newPage();
            WidgetPage widget = WidgetPage.openShop(page, E2eStack.gateway(1), scenario.queueId(), null).open();
            String conversationId = widget.start("Camille Martin", "camille@example.com", null);
            agent.takeChat(conversationId);
            widget.awaitStatus("connected");

            outage.on = true;
            widget.typeAndSend("Ma commande est-elle partie ?");
            Locator waiting = widgetPending(widget, "Ma commande est-elle partie ?");
            assertThat(waiting).hasCount(1);
            assertThat(waiting.getByTestId("pending-status")).containsText("Pas encore envoyé, nouvel essai dans");
            Screenshots.save(page, "widget-message-unavailable-fr-400");

            widget.typeAndSend("Oubliez ce message.");
            cancel(widgetPending(widget, "Oubliez ce message."), "Pas encore envoyé");
            assertThat(widget.messagesContaining("Oubliez ce message.")).hasCount(0);

            outage.on = false;
            assertThat(widget.chat().locator("[data-testid=message][data-pending]")).hasCount(0);
            assertThat(widget.messagesContaining("Ma commande est-elle partie ?")).hasCount(1);
            agent.await("message", conversationId, frame -> frame.path("text").asText().equals("Ma commande est-elle partie ?"));

            widget.typeAndSend("Merci !");
            assertThat(widget.messagesContaining("Merci !")).hasCount(1);
            agent.await("message", conversationId, frame -> frame.path("text").asText().equals("Merci !"));
            assertEquals(0, agent.socket().frames("message").stream()
                    .filter(frame -> frame.path("text").asText().contains("Oubliez")).count());
        }
    }

    /** Cancels a waiting message once its first attempt was refused. */
    private static void cancel(Locator waiting, String notSentYet) {
        assertThat(waiting.getByTestId("pending-status")).containsText(notSentYet);
        waiting.getByTestId("pending-cancel").click();
    }

    private static Locator pending(DesktopPage desktop, String text) {
        return desktop.page().locator("[data-testid=message][data-pending]")
                .filter(new Locator.FilterOptions().setHasText(text));
    }

    private static Locator widgetPending(WidgetPage widget, String text) {
        return widget.chat().locator("[data-testid=message][data-pending]")
                .filter(new Locator.FilterOptions().setHasText(text));
    }
}
