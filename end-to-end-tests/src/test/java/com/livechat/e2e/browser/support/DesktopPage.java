package com.livechat.e2e.browser.support;

import com.livechat.testsupport.stack.DemoData;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The agent desktop ({@code /agent/}) as a test drives it: every element is found by its {@code data-testid} from
 * the selector contract ({@code docs/frontend.md}, "Test ids") or by role, never by CSS class or visible text, so
 * the same steps run in English and French. Each method does what an agent does with the mouse or keyboard and
 * waits for the desktop's answer where the agent would.
 */
public final class DesktopPage {

    /** Long enough for a round trip through Kafka and the four services on a busy 2-core machine. */
    public static final double WAIT_MS = 20_000;

    static {
        PlaywrightAssertions.setDefaultAssertionTimeout(WAIT_MS);
    }

    private final BrowserContext context;
    private final Page page;
    private final String gateway;

    private DesktopPage(BrowserContext context, String gateway) {
        this.context = context;
        this.context.setDefaultTimeout(WAIT_MS);
        this.page = context.newPage();
        this.gateway = gateway;
    }

    /** Opens the login screen of the desktop in a new page of {@code context}. */
    public static DesktopPage open(BrowserContext context, String gateway) {
        DesktopPage desktop = new DesktopPage(context, gateway);
        desktop.page.navigate(gateway + "/agent/");
        assertThat(desktop.byTestId("login-username")).isVisible();
        return desktop;
    }

    /** Opens the desktop and logs in as {@code agentId} (demo password), waiting for the header. */
    public static DesktopPage loggedIn(BrowserContext context, String gateway, String agentId) {
        return open(context, gateway).login(agentId);
    }

    public DesktopPage login(String agentId) {
        return login(agentId, DemoData.AGENT_PASSWORD);
    }

    public DesktopPage login(String agentId, String password) {
        byTestId("login-username").fill(agentId);
        byTestId("login-password").fill(password);
        byTestId("login-submit").click();
        assertThat(byTestId("agent-name")).isVisible();
        return this;
    }

    public Page page() {
        return page;
    }

    public BrowserContext context() {
        return context;
    }

    public String gateway() {
        return gateway;
    }

    /** The element with {@code data-testid} {@code id} anywhere on the page (Playwright's getByTestId). */
    public Locator byTestId(String id) {
        return page.getByTestId(id);
    }

    /** The one element of the testid {@code id} whose attribute {@code attribute} is {@code value}. */
    public Locator byTestId(String id, String attribute, String value) {
        return page.locator("[data-testid='" + id + "'][" + attribute + "='" + value + "']");
    }

    // ----- header -----

    public Locator stateSelector() {
        return byTestId("agent-state");
    }

    /** Chooses a state in the header's selector ({@code AVAILABLE}, {@code IDLE:BREAK}...) and waits until it shows. */
    public DesktopPage chooseState(String value) {
        stateSelector().selectOption(value);
        assertThat(stateSelector()).hasValue(value);
        return this;
    }

    public DesktopPage becomeAvailable() {
        return chooseState("AVAILABLE");
    }

    /** Waits until the selector shows {@code value} as the agent's state, whoever changed it. */
    public DesktopPage awaitState(String value) {
        assertThat(stateSelector()).hasValue(value);
        return this;
    }

    public Locator connectionStatus() {
        return byTestId("connection-status");
    }

    public Locator ronaBanner() {
        return byTestId("rona-banner");
    }

    public Locator languageSelect() {
        return byTestId("language-select");
    }

    // ----- offers -----

    public Locator offerPopup() {
        return byTestId("offer-popup");
    }

    /** Waits for the offer pop-up and accepts it; the conversation then opens in a tab. */
    public DesktopPage acceptOffer(String conversationId) {
        assertThat(offerPopup()).isVisible();
        offerPopup().getByTestId("offer-accept").click();
        assertThat(offerPopup()).isHidden();
        assertThat(tab(conversationId)).isVisible();
        selectTab(conversationId);
        return this;
    }

    public DesktopPage declineOffer() {
        assertThat(offerPopup()).isVisible();
        offerPopup().getByTestId("offer-decline").click();
        return this;
    }

    // ----- tabs and the interaction pane -----

    public Locator tabs() {
        return byTestId("conversation-tab");
    }

    public Locator tab(String conversationId) {
        return byTestId("conversation-tab", "data-conversation-id", conversationId);
    }

    public DesktopPage selectTab(String conversationId) {
        tab(conversationId).click();
        assertThat(tab(conversationId)).hasAttribute("aria-selected", "true");
        assertThat(pane()).hasAttribute("data-conversation-id", conversationId);
        return this;
    }

    public Locator pane() {
        return byTestId("conversation-pane");
    }

    public Locator messages() {
        return pane().getByTestId("message");
    }

    /** The pane's messages of {@code author} ({@code customer}, {@code agent}, {@code system}). */
    public Locator messagesBy(String author) {
        return pane().locator("[data-testid='message'][data-author='" + author + "']");
    }

    /** The text element of the pane's message of {@code author} containing {@code fragment}, once it shows. */
    public Locator messageText(String author, String fragment) {
        Locator text = messagesBy(author).getByTestId("message-text").filter(new Locator.FilterOptions()
                .setHasText(fragment));
        assertThat(text).hasCount(1);
        return text;
    }

    /** The text as rendered: {@code innerText} keeps a line break only if the page really shows it. */
    public static String renderedText(Locator element) {
        return (String) element.evaluate("element => element.innerText");
    }

    public Locator cadPanel() {
        return byTestId("cad-panel");
    }

    // ----- compose -----

    public Locator composeInput() {
        return byTestId("compose-input");
    }

    public Locator sendButton() {
        return byTestId("compose-send");
    }

    public Locator counter() {
        return byTestId("compose-counter");
    }

    /** Types {@code lines} as an agent would: Shift+Enter between lines, then Enter to send. */
    public DesktopPage typeAndPressEnter(String... lines) {
        typeLines(lines);
        composeInput().press("Enter");
        return this;
    }

    /** Types {@code lines} with Shift+Enter between them, without sending. */
    public DesktopPage typeLines(String... lines) {
        composeInput().click();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                page.keyboard().press("Shift+Enter");
            }
            page.keyboard().type(lines[i]);
        }
        return this;
    }

    /** Fills the compose box and clicks Send. */
    public DesktopPage send(String text) {
        composeInput().fill(text);
        sendButton().click();
        assertThat(composeInput()).hasValue("");
        return this;
    }

    // ----- templates -----

    public Locator templateSelect() {
        return byTestId("template-select");
    }

    /** Chooses a template (by its id or name) and fills each of its parameters shown. */
    public DesktopPage chooseTemplate(String template) {
        templateSelect().selectOption(template);
        assertThat(byTestId("template-preview")).isVisible();
        return this;
    }

    public DesktopPage fillTemplateParameter(String name, String value) {
        byTestId("template-param", "data-name", name).fill(value);
        return this;
    }

    /** Fills each parameter the chosen template shows empty with its value from {@code values} (by name). */
    public DesktopPage fillEmptyTemplateParameters(Map<String, String> values) {
        Locator parameters = byTestId("template-param");
        for (int i = 0; i < parameters.count(); i++) {
            Locator parameter = parameters.nth(i);
            String name = parameter.getAttribute("data-name");
            if (parameter.inputValue().isEmpty() && values.containsKey(name)) {
                parameter.fill(values.get(name));
            }
        }
        return this;
    }

    /** Inserts the chosen template; if that put it into the compose box, sends it too. */
    public DesktopPage insertTemplateAndSend() {
        byTestId("template-insert").click();
        if (composeInput().isEditable() && !composeInput().inputValue().isBlank()) {
            sendButton().click();
        }
        return this;
    }

    /** The label of the option the template selector shows as chosen. */
    public String chosenTemplateLabel() {
        return (String) templateSelect().evaluate("select => select.options[select.selectedIndex]?.text ?? ''");
    }

    // ----- transfer and conference -----

    public Locator transferDialog() {
        return byTestId("transfer-dialog");
    }

    public Locator conferenceDialog() {
        return byTestId("conference-dialog");
    }

    public DesktopPage openTransfer() {
        byTestId("transfer-open").click();
        assertThat(transferDialog()).isVisible();
        return this;
    }

    /** In the open transfer dialog: agent mode, search, and the target of {@code agentId} chosen. */
    public Locator chooseTransferAgent(String agentId, String search) {
        chooseMode(transferDialog().getByTestId("transfer-mode"), "agent");
        transferDialog().getByTestId("transfer-search").fill(search);
        Locator target = transferDialog().locator("[data-testid='transfer-target'][data-target-id='" + agentId + "']");
        target.click();
        assertThat(target).hasAttribute("data-target-id", agentId);
        return target;
    }

    /** Transfers the selected conversation to {@code agentId} through the dialog. */
    public DesktopPage transferToAgent(String agentId, String search) {
        openTransfer();
        chooseTransferAgent(agentId, search);
        transferDialog().getByTestId("transfer-submit").click();
        assertThat(transferDialog()).isHidden();
        return this;
    }

    /** Invites {@code agentId} to a conference on the selected conversation through the dialog. */
    public DesktopPage inviteToConference(String agentId, String search) {
        byTestId("conference-open").click();
        assertThat(conferenceDialog()).isVisible();
        conferenceDialog().getByTestId("conference-search").fill(search);
        conferenceDialog().locator("[data-testid='conference-target'][data-target-id='" + agentId + "']").click();
        conferenceDialog().getByTestId("conference-submit").click();
        assertThat(conferenceDialog()).isHidden();
        return this;
    }

    /** Whether a choice (radio, option, checkbox-like element) is the chosen one, however it says so. */
    public static boolean isChosen(Locator choice) {
        return (Boolean) choice.evaluate("""
                element => element.getAttribute('aria-selected') === 'true'
                    || element.getAttribute('aria-checked') === 'true'
                    || element.checked === true
                    || element.querySelector('input:checked') !== null""");
    }

    /**
     * Sets a queue|agent mode control, which the contract lets be a {@code <select>}, a group holding radios, or
     * one radio per mode carrying the testid.
     */
    private static void chooseMode(Locator mode, String value) {
        Locator first = mode.first();
        String tag = (String) first.evaluate("element => element.tagName");
        if (tag.equals("SELECT")) {
            first.selectOption(modeOption(first, value));
        } else if (mode.count() > 1 || tag.equals("INPUT")) {
            mode.and(first.page().locator("[value='" + value + "' i]")).check();
        } else {
            first.locator("input[value='" + value + "' i]").check();
        }
    }

    private static String modeOption(Locator select, String value) {
        @SuppressWarnings("unchecked")
        List<String> values = (List<String>) select.evaluate("select => [...select.options].map(o => o.value)");
        return values.stream().filter(option -> option.equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new AssertionError("transfer-mode has no '" + value + "' option: " + values));
    }

    // ----- end and wrap-up -----

    public DesktopPage endConversation() {
        byTestId("end-conversation").click();
        assertThat(wrapUpDialog()).isVisible();
        return this;
    }

    public Locator wrapUpDialog() {
        return byTestId("wrapup-dialog");
    }

    public Locator wrapUpOption(String reasonId) {
        return byTestId("wrapup-option", "data-reason-id", reasonId);
    }

    /** Searches the reasons, picks {@code reasonId}, adds the note and submits; the dialog then closes. */
    public DesktopPage wrapUp(String search, String reasonId, String note) {
        wrapUpDialog().getByTestId("wrapup-search").fill(search);
        wrapUpOption(reasonId).click();
        assertThat(wrapUpOption(reasonId)).hasAttribute("aria-selected", "true");
        if (note != null) {
            wrapUpDialog().getByTestId("wrapup-note").fill(note);
        }
        wrapUpDialog().getByTestId("wrapup-submit").click();
        assertThat(wrapUpDialog()).isHidden();
        return this;
    }

    // ----- history -----

    public DesktopPage openHistory() {
        byTestId("history-open").click();
        assertThat(byTestId("history-search")).isVisible();
        return this;
    }

    /** "Seen" on the agents' last message the customer has read (read receipts), in the selected pane. */
    public Locator seenMark() {
        return byTestId("seen-mark");
    }

    /** "Customer is typing…" in the pane of the selected conversation. */
    public Locator customerTyping() {
        return byTestId("customer-typing");
    }

    /** The rating the customer gave, in a history row ("Rated 4/5"). */
    public Locator historyRating(String conversationId) {
        return historyRow(conversationId).getByTestId("history-rating");
    }

    public Locator historyRow(String conversationId) {
        return byTestId("history-row", "data-conversation-id", conversationId);
    }

    /** Opens the read-only transcript of {@code conversationId} from the history list. */
    public Locator openTranscript(String conversationId) {
        historyRow(conversationId).click();
        Locator transcript = byTestId("transcript");
        assertThat(transcript).isVisible();
        return transcript;
    }

    // ----- page-wide checks -----

    /** How many CSS pixels the page is wider than the window (0 when nothing overflows sideways). */
    public int horizontalOverflow() {
        return ((Number) page.evaluate(
                "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth"))
                .intValue();
    }
}
