package com.livechat.e2e.browser;

import com.livechat.e2e.browser.support.Browsers;
import com.livechat.e2e.browser.support.DesktopPage;
import com.livechat.e2e.browser.support.DesktopScenario;
import com.livechat.e2e.browser.support.EnglishLeft;
import com.livechat.e2e.support.AgentSession;
import com.livechat.e2e.support.CustomerSession;
import com.livechat.e2e.support.E2eStack;
import com.livechat.e2e.support.Fixtures;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One test per defect of the old agent desktop listed in issue 11 ("Why"), each written so that it fails on that
 * desktop: what the agent sees and can do, in Chromium, against the real services. Every test has its own queue and
 * agents (see {@link DesktopScenario}).
 */
class AgentDesktopBrowserTest {

    @BeforeAll
    static void startSystem() {
        E2eStack.get();
    }

    @Test
    void draftTemplateAndTransferTargetSurviveAnIncomingMessage() {
        try (DesktopScenario scenario = DesktopScenario.create("Draft survives")) {
            DesktopPage desktop = scenario.availableDesktop(scenario.agent("Draft Keeper"));
            String colleague = scenario.agentOutsideTheQueue("Colleague Target");
            scenario.agentSession(colleague).available();
            CustomerSession customer = scenario.acceptedCustomer(desktop);

            desktop.chooseTemplate("greeting");
            desktop.typeLines("I am still typ");
            customer.send("Are you there?").expect(202);
            desktop.messageText("customer", "Are you there?");
            assertThat(desktop.composeInput()).hasValue("I am still typ");
            assertThat(desktop.composeInput()).isFocused();
            assertEquals("Greeting", desktop.chosenTemplateLabel());

            desktop.openTransfer();
            Locator target = desktop.chooseTransferAgent(colleague, "Colleague");
            customer.send("Hello?").expect(202);
            desktop.messageText("customer", "Hello?");
            assertThat(desktop.transferDialog()).isVisible();
            assertThat(desktop.transferDialog().getByTestId("transfer-search")).hasValue("Colleague");
            assertTrue(DesktopPage.isChosen(target), "the transfer target stays chosen");
        }
    }

    @Test
    void wrapUpSubmitsTheReasonShownSelected() throws Exception {
        try (DesktopScenario scenario = DesktopScenario.create("Wrap-up")) {
            String agentId = scenario.agent("Wrap Upper");
            DesktopPage desktop = scenario.availableDesktop(agentId);
            CustomerSession customer = scenario.acceptedCustomer(desktop);
            desktop.endConversation();

            Locator dialog = desktop.wrapUpDialog();
            assertThat(dialog.getByTestId("wrapup-submit")).isDisabled();
            assertThat(dialog.getByTestId("wrapup-selected")).hasText("");
            assertThat(dialog.locator("[data-testid='wrapup-option'][aria-selected='true']")).hasCount(0);

            Locator search = dialog.getByTestId("wrapup-search");
            search.pressSequentially("Fo"); // an older, slower answer must not replace the newer one's list
            search.fill("Resol");
            assertThat(dialog.getByTestId("wrapup-option")).hasCount(1);
            assertThat(desktop.wrapUpOption("RESOLVED")).isVisible();
            String shown = dialog.getByTestId("wrapup-selected").innerText();
            Locator selected = dialog.locator("[data-testid='wrapup-option'][aria-selected='true']");
            if (shown.isBlank()) {
                assertThat(dialog.getByTestId("wrapup-submit")).isDisabled();
            } else {
                assertThat(selected).hasCount(1);
                assertThat(selected).containsText(shown.trim());
            }

            desktop.wrapUpOption("RESOLVED").click();
            assertThat(dialog.getByTestId("wrapup-selected")).containsText("Resolved");
            dialog.getByTestId("wrapup-submit").click();
            Fixtures.assertClosedWithOneWrapUpEach(customer.conversationId(), agentId);
            assertEquals(List.of("DONE RESOLVED"), Fixtures.participationsOf(customer.conversationId(), agentId));
        }
    }

    @Test
    void lineBreaksAreShown() {
        try (DesktopScenario scenario = DesktopScenario.create("Line breaks")) {
            DesktopPage desktop = scenario.availableDesktop(scenario.agent("Line Reader"));
            CustomerSession customer = scenario.acceptedCustomer(desktop);

            customer.send("First line\nSecond line").expect(202);
            assertEquals("First line\nSecond line",
                    DesktopPage.renderedText(desktop.messageText("customer", "First line")));
            desktop.typeAndPressEnter("Agent one", "Agent two");
            customer.awaitMessage("Agent one\nAgent two");
            assertEquals("Agent one\nAgent two", DesktopPage.renderedText(desktop.messageText("agent", "Agent one")));
        }
    }

    @Test
    void offerPreviewShowsMessagesWrittenRightAfterTheStart() {
        try (DesktopScenario scenario = DesktopScenario.create("Offer preview")) {
            DesktopPage desktop = scenario.availableDesktop(scenario.agent("Preview Reader"));
            CustomerSession customer = scenario.customer();
            customer.send("I need help with order A-1042").expect(202);

            Locator thread = desktop.offerPopup().getByTestId("offer-thread");
            assertThat(thread.getByTestId("message")).containsText(new String[] {"I need help with order A-1042"});
            customer.send("It arrived broken").expect(202);
            assertThat(thread.getByTestId("message"))
                    .containsText(new String[] {"I need help with order A-1042", "It arrived broken"});
            assertThat(desktop.offerPopup().getByTestId("offer-customer")).containsText(DesktopScenario.CUSTOMER_NAME);
            assertThat(desktop.offerPopup().getByTestId("offer-kind")).hasAttribute("data-kind", "new");
            assertThat(desktop.offerPopup().getByTestId("offer-decline-hint")).isVisible();
        }
    }

    @Test
    void enterSendsAndShiftEnterAddsALine() {
        try (DesktopScenario scenario = DesktopScenario.create("Enter sends")) {
            DesktopPage desktop = scenario.availableDesktop(scenario.agent("Key Presser"));
            CustomerSession customer = scenario.acceptedCustomer(desktop);

            desktop.typeLines("Line A", "Line B");
            assertThat(desktop.composeInput()).hasValue("Line A\nLine B");
            assertThat(desktop.messagesBy("agent")).hasCount(0);
            desktop.composeInput().press("Enter");
            customer.awaitMessage("Line A\nLine B");
            assertThat(desktop.composeInput()).hasValue("");
            assertThat(desktop.messagesBy("agent")).hasCount(1);
        }
    }

    @Test
    void counterStopsAt1000WithAWarning() {
        try (DesktopScenario scenario = DesktopScenario.create("Counter")) {
            DesktopPage desktop = scenario.availableDesktop(scenario.agent("Long Writer"));
            scenario.acceptedCustomer(desktop);

            desktop.typeLines("0123456789");
            assertThat(desktop.counter()).hasText("10/1000");
            assertThat(desktop.counter()).hasAttribute("data-level", "ok");
            desktop.composeInput().fill("x".repeat(990));
            assertThat(desktop.counter()).hasText("990/1000");
            assertThat(desktop.counter()).hasAttribute("data-level", "warning");
            desktop.composeInput().press("End");
            desktop.page().keyboard().type("0123456789abc");
            assertThat(desktop.counter()).hasText("1000/1000");
            assertThat(desktop.counter()).hasAttribute("data-level", "limit");
            assertEquals(1000, desktop.composeInput().inputValue().length(), "the box holds at most 1000 characters");
        }
    }

    @Test
    void angleBracketsAreRefusedAsTyped() {
        try (DesktopScenario scenario = DesktopScenario.create("Angle brackets")) {
            DesktopPage desktop = scenario.availableDesktop(scenario.agent("Bracket Typer"));
            scenario.acceptedCustomer(desktop);

            desktop.typeLines("use <b>bold</b>");
            Locator error = desktop.byTestId("compose-error");
            assertThat(error).isVisible();
            assertFalse(Pattern.matches("[A-Z_]+", error.innerText().trim()), "an explanation, not a raw code: "
                    + error.innerText());
            boolean bracketsKept = desktop.composeInput().inputValue().matches("(?s).*[<>].*");
            if (bracketsKept) {
                assertThat(desktop.sendButton()).isDisabled();
            }
            assertThat(desktop.byTestId("error-banner")).isHidden();
        }
    }

    @Test
    void sendIsDisabledAfterTheCustomerEnds() {
        try (DesktopScenario scenario = DesktopScenario.create("Customer ends")) {
            DesktopPage desktop = scenario.availableDesktop(scenario.agent("Left Behind"));
            CustomerSession customer = scenario.acceptedCustomer(desktop);
            desktop.typeLines("Are you still");

            customer.end().expect(202);
            assertThat(desktop.byTestId("customer-ended-alert")).isVisible();
            assertThat(desktop.sendButton()).isDisabled();
            assertThat(desktop.composeInput()).not().isEditable();
            assertThat(desktop.byTestId("end-conversation")).isEnabled();
        }
    }

    @Test
    void emptySendIsImpossible() {
        try (DesktopScenario scenario = DesktopScenario.create("Empty send")) {
            DesktopPage desktop = scenario.availableDesktop(scenario.agent("Blank Sender"));
            CustomerSession customer = scenario.acceptedCustomer(desktop);

            assertThat(desktop.sendButton()).isDisabled();
            desktop.typeLines("   ");
            assertThat(desktop.sendButton()).isDisabled();
            desktop.composeInput().press("Enter");
            desktop.composeInput().fill("");
            desktop.typeAndPressEnter("A real message");
            customer.awaitMessage("A real message");
            assertThat(desktop.messagesBy("agent")).hasCount(1);
            long blank = customer.socket().frames("message").stream()
                    .filter(frame -> frame.path("text").asText().isBlank()).count();
            assertEquals(0, blank, "no blank message reached the customer");
        }
    }

    @Test
    void stateSelectorShowsTheRealState() {
        try (DesktopScenario scenario = DesktopScenario.create("Real state")) {
            String agentId = scenario.agent("State Watcher");
            DesktopPage desktop = scenario.desktop(agentId);
            desktop.becomeAvailable();
            AgentSession sameAgentElsewhere = scenario.agentSession(agentId);
            await().atMost(AgentSession.WAIT)
                    .until(() -> "AVAILABLE".equals(sameAgentElsewhere.presence().path("state").asText()));

            sameAgentElsewhere.changeState("IDLE", "BREAK");
            desktop.awaitState("IDLE:BREAK");
            assertFalse(selectedOptionLabel(desktop).isBlank(), "the state shown has a label");

            desktop.chooseState("IDLE:LUNCH");
            await().atMost(AgentSession.WAIT)
                    .until(() -> "LUNCH".equals(sameAgentElsewhere.presence().path("idleCode").asText()));
            assertThat(desktop.byTestId("state-timer")).isVisible();
            assertThat(desktop.byTestId("capacity")).hasText(Pattern.compile("0\\s*/\\s*3"));
        }
    }

    @Test
    void ronaIsABannerWithBecomeAvailable() {
        try (DesktopScenario scenario = DesktopScenario.create("RONA", 6)) {
            DesktopPage desktop = scenario.availableDesktop(scenario.agent("Slow Responder"));
            assertThat(desktop.ronaBanner()).isHidden();
            CustomerSession customer = scenario.customer();

            assertThat(desktop.offerPopup()).isVisible();
            assertThat(desktop.offerPopup().getByTestId("offer-countdown")).isVisible();
            assertThat(desktop.ronaBanner()).isVisible();
            desktop.awaitState("RONA");
            assertThat(desktop.offerPopup()).isHidden();

            desktop.ronaBanner().getByTestId("become-available").click();
            assertThat(desktop.ronaBanner()).isHidden();
            desktop.awaitState("AVAILABLE");
            desktop.acceptOffer(customer.conversationId());
        }
    }

    @Test
    void newOfferAlertsTitleLiveRegionAndNotification() {
        try (DesktopScenario scenario = DesktopScenario.create("Offer alerts")) {
            BrowserContext context = scenario.context("en-GB", Browsers.DESKTOP);
            context.addInitScript(RECORD_NOTIFICATIONS);
            DesktopPage desktop = DesktopPage.loggedIn(context, E2eStack.gateway(0), scenario.agent("Alert Listener"))
                    .becomeAvailable();
            desktop.page().evaluate("() => window.__hidePage()"); // the agent is looking at another window
            String quietTitle = desktop.page().title();
            Locator announcer = desktop.byTestId("offer-announcer");
            assertThat(announcer).hasAttribute("aria-live", Pattern.compile("polite|assertive"));

            scenario.customer();
            assertThat(desktop.offerPopup()).isVisible();
            assertThat(desktop.page()).not().hasTitle(quietTitle);
            assertThat(announcer).containsText(DesktopScenario.CUSTOMER_NAME);
            await().atMost(AgentSession.WAIT).until(() ->
                    ((Number) desktop.page().evaluate("() => window.__notifications.length")).intValue() > 0);
        }
    }

    @Test
    void customerPanelTabsUnreadAndTimestamps() {
        try (DesktopScenario scenario = DesktopScenario.create("Tabs")) {
            DesktopPage desktop = scenario.availableDesktop(scenario.agent("Tab Juggler"));
            CustomerSession first = scenario.acceptedCustomer(desktop, "Jean Dupont");
            CustomerSession second = scenario.acceptedCustomer(desktop, "Marie Curie");
            assertThat(desktop.tabs()).hasCount(2);
            assertThat(desktop.cadPanel()).containsText("A-1042");

            desktop.selectTab(first.conversationId());
            second.send("Any news?").expect(202);
            assertThat(desktop.tab(second.conversationId()).getByTestId("unread-count")).hasText("1");
            assertThat(desktop.tab(first.conversationId()).getByTestId("unread-count")).hasCount(0);
            assertThat(desktop.tab(first.conversationId()).getByTestId("tab-timer")).isVisible();

            desktop.selectTab(second.conversationId());
            assertThat(desktop.tab(second.conversationId()).getByTestId("unread-count")).hasCount(0);
            Locator message = desktop.messagesBy("customer")
                    .filter(new Locator.FilterOptions().setHasText("Any news?"));
            assertThat(message.getByTestId("message-time")).hasText(Pattern.compile("\\d{1,2}\\s*[:h.]\\s*\\d{2}"));
        }
    }

    @Test
    void socketDropDisablesSendAndReplays() {
        try (DesktopScenario scenario = DesktopScenario.create("Socket drop")) {
            BrowserContext context = scenario.context("en-GB", Browsers.DESKTOP);
            context.addInitScript(CONTROLLABLE_SOCKETS);
            DesktopPage desktop = DesktopPage.loggedIn(context, E2eStack.gateway(0), scenario.agent("Drop Survivor"))
                    .becomeAvailable();
            CustomerSession customer = scenario.acceptedCustomer(desktop);
            assertThat(desktop.connectionStatus()).hasAttribute("data-status", "connected");
            desktop.typeLines("Draft while online");

            context.setOffline(true);
            desktop.page().evaluate("() => window.__livechatNetworkDown(true)");
            assertThat(desktop.connectionStatus()).hasAttribute("data-status", Pattern.compile("reconnecting|offline"));
            assertThat(desktop.sendButton()).isDisabled();
            customer.send("Sent while you were away").expect(202);

            context.setOffline(false);
            desktop.page().evaluate("() => window.__livechatNetworkDown(false)");
            // the desktop's back-off may wait a while before its next attempt
            assertThat(desktop.connectionStatus()).hasAttribute("data-status", "connected",
                    new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
            desktop.messageText("customer", "Sent while you were away");
            assertThat(desktop.composeInput()).hasValue("Draft while online");
            assertThat(desktop.sendButton()).isEnabled();
        }
    }

    @Test
    void reloadKeepsTheOpenChatAndTheDraft() {
        try (DesktopScenario scenario = DesktopScenario.create("Reload")) {
            DesktopPage desktop = scenario.availableDesktop(scenario.agent("Reloader"));
            CustomerSession first = scenario.acceptedCustomer(desktop, "Jean Dupont");
            CustomerSession second = scenario.acceptedCustomer(desktop, "Marie Curie");
            desktop.selectTab(first.conversationId());
            desktop.typeLines("Draft for Jean");
            desktop.selectTab(second.conversationId());
            desktop.typeLines("Draft for Marie");

            desktop.page().reload();
            assertThat(desktop.pane()).hasAttribute("data-conversation-id", second.conversationId());
            assertThat(desktop.composeInput()).hasValue("Draft for Marie");
            desktop.selectTab(first.conversationId());
            assertThat(desktop.composeInput()).hasValue("Draft for Jean");
        }
    }

    @Test
    void frenchLocaleShowsFrenchThroughout() {
        try (DesktopScenario scenario = DesktopScenario.create("Francophone")) {
            String agentId = scenario.agent("Élodie Francophone");
            DesktopPage desktop = DesktopPage.open(scenario.context("fr-FR", Browsers.DESKTOP),
                    E2eStack.gateway(0));
            EnglishLeft english = EnglishLeft.load().ignoring(referenceDataLabels(scenario.agentSession(agentId)));
            english.assertNoneOn(desktop.page(), "login");
            desktop.login(agentId).becomeAvailable();
            english.assertNoneOn(desktop.page(), "idle desktop");
            CustomerSession customer = scenario.customer();
            customer.send("Bonjour").expect(202);
            assertThat(desktop.offerPopup()).isVisible();
            english.assertNoneOn(desktop.page(), "offer");
            desktop.acceptOffer(customer.conversationId());
            english.assertNoneOn(desktop.page(), "conversation");
            desktop.openTransfer();
            // only this scenario's queue: the other scenarios' queue names are data, in English
            desktop.transferDialog().getByTestId("transfer-search").fill(scenario.queueId());
            assertThat(desktop.transferDialog().getByTestId("transfer-target")).hasCount(1);
            english.assertNoneOn(desktop.page(), "transfer dialog");
            desktop.transferDialog().getByTestId("dialog-cancel").click();
            customer.end().expect(202);
            assertThat(desktop.byTestId("customer-ended-alert")).isVisible();
            english.assertNoneOn(desktop.page(), "customer ended");
            desktop.endConversation();
            english.assertNoneOn(desktop.page(), "wrap-up dialog");
            desktop.wrapUp("RESOL", "RESOLVED", null);
            desktop.openHistory();
            english.assertNoneOn(desktop.page(), "history");
        }
    }

    @Test
    void pageDoesNotOverflowAt400px() {
        try (DesktopScenario scenario = DesktopScenario.create("Narrow")) {
            String agentId = scenario.agent("Narrow Screen");
            DesktopPage desktop = DesktopPage.open(scenario.context("en-GB",
                    Browsers.NARROW), E2eStack.gateway(0));
            assertEquals(0, desktop.horizontalOverflow(), "login overflows");
            desktop.login(agentId).becomeAvailable();
            assertEquals(0, desktop.horizontalOverflow(), "idle desktop overflows");
            CustomerSession customer = scenario.customer();
            assertThat(desktop.offerPopup()).isVisible();
            assertEquals(0, desktop.horizontalOverflow(), "offer pop-up overflows");
            desktop.acceptOffer(customer.conversationId());
            customer.send("A rather long message without any break: " + "x".repeat(120)).expect(202);
            desktop.messageText("customer", "A rather long message");
            assertEquals(0, desktop.horizontalOverflow(), "conversation overflows");
            assertThat(desktop.sendButton()).isInViewport();
            desktop.endConversation();
            assertEquals(0, desktop.horizontalOverflow(), "wrap-up dialog overflows");
            assertThat(desktop.wrapUpDialog().getByTestId("wrapup-submit")).isInViewport();
        }
    }

    /** The labels administrators entered for idle codes and wrap-up reasons: data, in whatever language. */
    private static List<String> referenceDataLabels(AgentSession agent) {
        List<String> labels = new ArrayList<>(agent.get("/api/wrap-up-reasons").expect(200).body()
                .findValuesAsText("label"));
        labels.addAll(agent.get("/api/idle-codes").expect(200).body().findValuesAsText("label"));
        return labels;
    }

    private static String selectedOptionLabel(DesktopPage desktop) {
        return (String) desktop.stateSelector().evaluate("select => select.options[select.selectedIndex]?.text ?? ''");
    }

    /**
     * Replaces the browser's Notification with a recorder that has permission, so a test sees what was shown, and
     * lets a test hide the page ({@code __hidePage()}) as another window in front of it would.
     */
    private static final String RECORD_NOTIFICATIONS = """
            window.__hidePage = () => {
              Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
              Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
              document.dispatchEvent(new Event('visibilitychange'));
            };
            window.__notifications = [];
            window.Notification = class {
              static permission = 'granted';
              static requestPermission() { return Promise.resolve('granted'); }
              constructor(title, options) { window.__notifications.push({ title, options }); }
              close() {}
              addEventListener() {}
            };""";

    /**
     * Lets a test cut the page's network as far as its WebSockets go: {@code __livechatNetworkDown(true)} closes
     * every open socket and makes new ones fail to connect (Chromium's offline emulation does not reliably stop
     * WebSockets), {@code false} lets them connect again.
     */
    private static final String CONTROLLABLE_SOCKETS = """
            const BrowserWebSocket = window.WebSocket;
            const sockets = [];
            let down = false;
            window.WebSocket = class extends BrowserWebSocket {
              constructor(url, protocols) {
                super(down ? 'ws://127.0.0.1:9/unreachable' : url, protocols);
                sockets.push(this);
              }
            };
            window.__livechatNetworkDown = (isDown) => {
              down = isDown;
              if (isDown) {
                sockets.forEach(socket => socket.close(4000, 'network lost'));
              }
            };""";
}
