package com.livechat.e2e.browser;

import com.livechat.e2e.browser.support.Browsers;
import com.livechat.e2e.support.E2eStack;
import com.livechat.testsupport.stack.LivechatService;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * The pages work under the gateway's Content-Security-Policy (nothing of theirs is refused), and a script
     * injected into a page, as an inline script element or an event-handler attribute, does not run.
     */
    @Test
    void theContentSecurityPolicyRefusesInjectedScriptsOnly() {
        String gateway = E2eStack.url(LivechatService.GATEWAY);
        for (String path : List.of("/agent/", "/chat/")) {
            try (BrowserContext context = Browsers.newContext("en-GB", Browsers.DESKTOP)) {
                Page page = context.newPage();
                List<String> refused = new CopyOnWriteArrayList<>();
                page.onConsoleMessage(message -> {
                    if (message.text().contains("Content Security Policy")) {
                        refused.add(message.text());
                    }
                });
                page.navigate(gateway + path);
                assertThat(page.locator("#app > *").first()).isVisible();
                assertEquals(List.of(), refused, "the page's own scripts and styles pass the policy");

                page.evaluate("() => {"
                        + " window.injected = [];"
                        + " document.addEventListener('securitypolicyviolation', e => window.injected.push('refused ' + e.violatedDirective));"
                        + " const script = document.createElement('script');"
                        + " script.textContent = \"window.injected.push('inline script ran')\";"
                        + " document.body.append(script);"
                        + " const holder = document.createElement('div');"
                        + " holder.innerHTML = \"<img src='data:,x' onerror=\\\"window.injected.push('handler ran')\\\">\";"
                        + " document.body.append(holder); }");
                page.waitForFunction("() => window.injected.length >= 2");
                @SuppressWarnings("unchecked")
                List<String> outcome = (List<String>) page.evaluate("() => window.injected");
                assertTrue(outcome.stream().noneMatch(line -> line.endsWith("ran")), path + ": " + outcome);
                assertTrue(outcome.stream().allMatch(line -> line.startsWith("refused script-src")), path + ": " + outcome);
            }
        }
    }
}
