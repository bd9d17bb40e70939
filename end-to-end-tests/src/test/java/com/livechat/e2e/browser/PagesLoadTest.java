package com.livechat.e2e.browser;

import com.livechat.e2e.browser.support.Browsers;
import com.livechat.e2e.support.E2eStack;
import com.livechat.testsupport.stack.LivechatService;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The built pages are served by the gateway and speak the browser's language. */
class PagesLoadTest {

    @Test
    void agentDesktopSpeaksFrenchToAFrenchBrowser() {
        try (BrowserContext context = Browsers.newContext("fr-FR", Browsers.DESKTOP)) {
            Page page = context.newPage();
            page.navigate(E2eStack.url(LivechatService.GATEWAY) + "/agent/");
            assertThat(page.locator("html")).hasAttribute("lang", "fr");
            assertThat(page).hasTitle("Bureau agent");
        }
    }

    @Test
    void widgetScriptOpensTheChatOnAHostPage() {
        try (BrowserContext context = Browsers.newContext("en-GB", Browsers.DESKTOP)) {
            Page page = context.newPage();
            String gateway = E2eStack.url(LivechatService.GATEWAY);
            page.navigate(gateway + "/agent/"); // any page of the same origin hosts the script
            page.setContent("<!doctype html><html lang=en><title>Shop</title><body><h1>Shop</h1>"
                    + "<script src='" + gateway + "/widget.js'></script></body></html>");
            assertThat(page.frameLocator("iframe[data-livechat-widget]").locator("html")).hasAttribute("lang", "en");
        }
    }
}
