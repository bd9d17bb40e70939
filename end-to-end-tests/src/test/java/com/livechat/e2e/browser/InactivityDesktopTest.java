package com.livechat.e2e.browser;

import com.livechat.e2e.CustomerInactivityEndToEndTest;
import com.livechat.e2e.browser.support.Accessibility;
import com.livechat.e2e.browser.support.Browsers;
import com.livechat.e2e.browser.support.DesktopPage;
import com.livechat.e2e.browser.support.DesktopScenario;
import com.livechat.e2e.browser.support.Screenshots;
import com.livechat.e2e.support.CustomerSession;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Customer inactivity on the agent desktop, against the real services (issue 14): the customer stays silent, the
 * chat ends for inactivity, the agent sees the alert (as for a customer end) and the thread line, and wraps up.
 */
class InactivityDesktopTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(quoteCharacter = '"', value = {
            "en-GB, did not reply, ended for inactivity",
            "fr-FR, n'a pas répondu, pour inactivité"})
    void theAgentIsToldTheCustomerWentSilentAndWrapsUp(String locale, String alertText, String lineText) {
        try (DesktopScenario scenario = DesktopScenario.create("Quiet desk")) {
            CustomerInactivityEndToEndTest.setInactivity(scenario.queueId(), "Quiet desk " + scenario.queueId(), 60,
                    3, 3);
            String agentId = scenario.agent("Dora Desk");
            DesktopPage desktop = scenario.desktop(agentId, locale, Browsers.DESKTOP).becomeAvailable();
            CustomerSession customer = scenario.acceptedCustomer(desktop);

            assertThat(desktop.byTestId("customer-inactive-alert"))
                    .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(45_000));
            assertThat(desktop.byTestId("customer-inactive-alert")).containsText(alertText);
            assertThat(desktop.pane()).containsText(lineText);
            assertEquals(List.of(), Accessibility.seriousViolations(desktop.page()), "desktop after an inactive end");
            Screenshots.save(desktop.page(), "desktop-customer-inactive-" + locale.substring(0, 2));

            desktop.byTestId("customer-inactive-alert").getByRole(com.microsoft.playwright.options.AriaRole.BUTTON)
                    .click();
            assertThat(desktop.wrapUpDialog()).isVisible();
            desktop.wrapUp("RESOL", "RESOLVED", null);
            customer.await("conversation-ended", frame -> "INACTIVE".equals(frame.path("state").asText()));
        }
    }
}
