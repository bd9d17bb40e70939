package com.livechat.e2e.browser;

import com.livechat.e2e.browser.support.Browsers;
import com.livechat.e2e.browser.support.Screenshots;
import com.livechat.e2e.browser.support.WidgetPage;
import com.livechat.e2e.support.E2eStack;
import com.livechat.e2e.support.Fixtures;
import com.livechat.testsupport.stack.Http;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The queue's maximum wait in the widget, against the real services (issue 14): nobody serves the queue, the wait
 * runs out, and the customer reads plainly that the agents are still busy and they waited as long as allowed, with
 * "Start a new chat". English and French.
 */
class MaxWaitWidgetTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(quoteCharacter = '"', value = {
            "en, en-GB, you have waited as long as we allow",
            "fr, fr-FR, vous avez attendu le temps maximum prévu"})
    void aChatNobodyTakesEndsWithTheMaximumWaitMessage(String language, String locale, String endedText) {
        String queue = Fixtures.queue("Widget max wait", 30);
        Http.put(Fixtures.adminApi("routing") + "/queues/" + queue, Fixtures.adminToken(), Map.of("name",
                "Widget max wait " + queue, "ronaTimeoutSeconds", 30, "maxWaitSeconds", 4)).expect(200);
        String gateway = E2eStack.gateway(0);
        try (BrowserContext context = Browsers.newContext(locale, Browsers.DESKTOP)) {
            Page page = context.newPage();
            WidgetPage widget = WidgetPage.openShop(page, gateway, queue, null);
            widget.open();
            widget.start("Mona Waiting", "mona@example.com", null);
            assertThat(widget.messagesContaining(endedText)).hasCount(1,
                    new LocatorAssertions.HasCountOptions().setTimeout(45_000));
            widget.awaitStatus("ended");
            assertThat(widget.byTestId("chat-new")).isVisible();
            Screenshots.save(page, "widget-max-wait-ended-" + language + "-1366");
        }
    }
}
