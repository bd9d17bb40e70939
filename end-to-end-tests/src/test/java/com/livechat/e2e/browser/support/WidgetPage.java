package com.livechat.e2e.browser.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A website visitor using the customer widget: a shop page on another origin embeds {@code /widget.js} with one
 * script tag; the launcher (in the loader's shadow root) opens the chat in the iframe {@code [data-livechat-widget]}.
 * Uses only the test-id contract (docs/frontend.md "Test ids").
 */
public final class WidgetPage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SHOP_PAGES = new ConcurrentHashMap<>();
    private static HttpServer shop;

    private final Page page;

    private WidgetPage(Page page) {
        this.page = page;
    }

    /**
     * Opens a shop page that embeds the widget of {@code gateway} for {@code queueId}; {@code dataLang} is the
     * script's {@code data-lang} (null: the browser's language decides).
     */
    public static WidgetPage openShop(Page page, String gateway, String queueId, String dataLang) {
        String script = "<script src='" + gateway + "/widget.js' data-queue='" + queueId + "'"
                + (dataLang == null ? "" : " data-lang='" + dataLang + "'") + " async></script>";
        // The shop's own CSS would restyle any button it reaches: the widget must not change.
        String html = "<!doctype html><html lang='en'><head><title>Shop</title><style>button{background:red!important;"
                + "font-size:40px!important} *{font-family:serif!important}</style></head><body><h1>Shop</h1>"
                + "<p>Our products.</p>" + script + "</body></html>";
        String path = "/shop/" + UUID.randomUUID();
        SHOP_PAGES.put(path, html);
        // What the widget logs (a refused script, a failed socket) shows in the test's output.
        page.onConsoleMessage(message -> System.out.println("[widget console] " + message.type() + ": " + message.text()));
        page.onPageError(error -> System.out.println("[widget page error] " + error));
        page.navigate(shopOrigin() + path);
        return new WidgetPage(page);
    }

    /**
     * The shop's origin: a small HTTP server of this JVM on 127.0.0.1, so another origin than the gateway's, as on
     * a real site. (A page Playwright fulfils itself has no address, which Chromium treats as public and then
     * refuses its requests to the local gateway.)
     */
    public static synchronized String shopOrigin() {
        if (shop == null) {
            try {
                shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shop.createContext("/shop/", exchange -> {
                String html = SHOP_PAGES.get(exchange.getRequestURI().getPath());
                byte[] body = (html == null ? "Not found" : html).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(html == null ? 404 : 200, body.length);
                try (var out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            shop.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> shop.stop(0)));
        }
        return "http://127.0.0.1:" + shop.getAddress().getPort();
    }

    public Page page() {
        return page;
    }

    public Locator launcher() {
        return page.getByTestId("widget-launcher");
    }

    public FrameLocator chat() {
        return page.frameLocator("iframe[data-livechat-widget]");
    }

    /** Opens the chat panel with the launcher (if it is not open) and waits for the chat page. */
    public WidgetPage open() {
        if (!"true".equals(launcher().getAttribute("aria-expanded"))) {
            launcher().click();
        }
        assertThat(chat().getByTestId("language-select")).isVisible();
        return this;
    }

    public Locator byTestId(String testId) {
        return chat().getByTestId(testId);
    }

    /** Fills the pre-chat form and starts the chat; returns the conversation id once the chat view shows. */
    public String start(String name, String email, String question) {
        byTestId("prechat-name").fill(name);
        byTestId("prechat-email").fill(email);
        if (question != null) {
            byTestId("prechat-question").fill(question);
        }
        byTestId("prechat-submit").click();
        assertThat(byTestId("chat-status")).isVisible();
        return storedChat().path("conversationId").asText();
    }

    /**
     * The chat the widget keeps for a reload ({@code conversationId}, {@code token}): in the shop page's
     * sessionStorage, which the loader manages for the iframe.
     */
    public JsonNode storedChat() {
        Object raw = page.evaluate("() => sessionStorage.getItem('livechat.widget.chat')");
        try {
            return JSON.readTree(String.valueOf(raw));
        } catch (Exception e) {
            throw new IllegalStateException("No chat stored by the widget: " + raw, e);
        }
    }

    /** The iframe's frame (for evaluate and the axe scan). */
    public Frame chatFrame() {
        return page.frames().stream().filter(frame -> frame.url().contains("/chat/")).findFirst()
                .orElseThrow(() -> new IllegalStateException("The chat iframe is not loaded"));
    }

    public void awaitStatus(String status) {
        assertThat(byTestId("chat-status")).hasAttribute("data-status", status);
    }

    /** Every entry of the thread by author ({@code customer}, {@code agent}, {@code system}). */
    public Locator messages(String author) {
        return chat().locator("[data-testid=message][data-author=" + author + "]");
    }

    /** The entries whose text contains {@code text}. */
    public Locator messagesContaining(String text) {
        return chat().getByTestId("message").filter(new Locator.FilterOptions().setHasText(text));
    }

    /** Types the lines with Shift+Enter between them and sends with Enter, as a customer would. */
    public void typeAndSend(String... lines) {
        Locator input = byTestId("chat-input");
        input.click();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                input.press("Shift+Enter");
            }
            input.pressSequentially(lines[i]);
        }
        input.press("Enter");
    }

    /** Types into the message box without sending (the agent then sees "Customer is typing…"). */
    public void typeWithoutSending(String text) {
        Locator input = byTestId("chat-input");
        input.click();
        input.pressSequentially(text);
    }

    /** "Read" under the customer's last message an agent has read (read receipts). */
    public Locator readReceipt() {
        return byTestId("read-receipt");
    }

    /** "Agent is typing…", shown only while the agent types. */
    public Locator agentTyping() {
        return byTestId("agent-typing");
    }

    /** Rates the ended chat: {@code stars} 1 to 5 (its radio), an optional comment, then Send. */
    public void rate(int stars, String comment) {
        byTestId("survey-rating-" + stars).check();
        if (comment != null) {
            byTestId("survey-comment").fill(comment);
        }
        byTestId("survey-submit").click();
    }

    /** End chat, then confirms in the dialog. */
    public void endChat() {
        byTestId("chat-end").click();
        chat().getByRole(AriaRole.ALERTDIALOG).getByTestId("end-confirm").click();
        awaitStatus("ended");
    }

    /** The visible text of a locator with the line breaks the page shows. */
    public static String shownText(Locator locator) {
        return Pattern.compile("\r\n").matcher(locator.innerText()).replaceAll("\n");
    }
}
