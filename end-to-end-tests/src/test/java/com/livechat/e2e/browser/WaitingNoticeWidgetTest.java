package com.livechat.e2e.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.e2e.browser.support.Accessibility;
import com.livechat.e2e.browser.support.Browsers;
import com.livechat.e2e.browser.support.Screenshots;
import com.livechat.e2e.browser.support.WidgetPage;
import com.livechat.e2e.support.AgentSession;
import com.livechat.e2e.support.CustomerSession;
import com.livechat.e2e.support.E2eStack;
import com.livechat.e2e.support.Fixtures;
import com.livechat.testsupport.stack.Http;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A waiting customer is kept informed, in the widget against the real services (issue 14): the queue position with
 * its estimated wait, then, once the queue's waiting-notice time (5 s here) has passed with no agent, the no-agent
 * notice (still there after a reload: the hello repeats it), and when an agent accepts the notice goes away. The only
 * agent of the test's own queue is busy with three earlier chats, whose answered waits give the estimate. English and
 * French; axe on the notice.
 */
class WaitingNoticeWidgetTest {

    /** The notice is due seconds after the start: give the scans and the pushes room on a busy machine. */
    private static final LocatorAssertions.IsVisibleOptions LONG = new LocatorAssertions.IsVisibleOptions()
            .setTimeout(45_000);

    @ParameterizedTest(name = "{0}")
    @CsvSource(quoteCharacter = '"', value = {
            "en, en-GB, You are number 1 in the queue, (about 1 min), No agent has been able to join you yet",
            "fr, fr-FR, Vous êtes en position 1 dans la file d’attente, (environ 1 min), Aucun conseiller n’a encore pu vous rejoindre"})
    void theWaitingCustomerSeesPositionEstimateThenTheNoAgentNoticeUntilAnAgentAccepts(String language, String locale,
            String position, String estimate, String notice) {
        String queue = Fixtures.queue("Widget waiting notice", 30);
        Http.put(Fixtures.adminApi("routing") + "/queues/" + queue, Fixtures.adminToken(), Map.of("name",
                "Widget waiting notice " + queue, "ronaTimeoutSeconds", 30, "waitingNoticeSeconds", 5)).expect(200);
        String agentId = Fixtures.agent("Wendy Waiting", 3, queue);
        String gateway = E2eStack.gateway(0);
        List<CustomerSession> earlier = new ArrayList<>();
        try (BrowserContext context = Browsers.newContext(locale, Browsers.DESKTOP);
                AgentSession agent = AgentSession.login(gateway, agentId).available()) {
            // Three answered waits (the estimate's history) that also fill the agent's three slots.
            for (int i = 0; i < 3; i++) {
                CustomerSession customer = CustomerSession.start(gateway, queue, "Earlier " + i, null, null);
                earlier.add(customer);
                agent.takeChat(customer.conversationId());
            }

            Page page = context.newPage();
            WidgetPage widget = WidgetPage.openShop(page, gateway, queue, null);
            widget.open();
            String conversationId = widget.start("Walter Waiting", "walter@example.com", null);
            widget.awaitStatus("waiting");
            assertThat(widget.byTestId("queue-position")).containsText(position, new LocatorAssertions.ContainsTextOptions()
                    .setTimeout(30_000));
            assertThat(widget.byTestId("estimated-wait")).hasText(estimate);
            assertThat(widget.byTestId("waiting-notice")).isVisible();

            assertThat(widget.byTestId("no-agent-notice")).isVisible(LONG);
            assertThat(widget.byTestId("no-agent-notice")).containsText(notice);
            assertThat(widget.byTestId("waiting-notice")).hasCount(0);
            assertThat(widget.byTestId("queue-position")).isVisible();
            assertEquals(List.of(), Accessibility.seriousViolations(widget.chatFrame()), "widget with the notice");
            Screenshots.save(page, "widget-no-agent-notice-" + language + "-1366");

            // A reload: the hello repeats the notice of this wait.
            page.reload();
            widget.open();
            assertThat(widget.byTestId("no-agent-notice")).isVisible(LONG);

            // A slot frees up; the agent accepts: the notice goes away.
            String first = earlier.get(0).conversationId();
            agent.end(first).expect(202);
            agent.wrapUp(first, "RESOLVED").expect(202);
            agent.takeChat(conversationId);
            widget.awaitStatus("connected");
            assertThat(widget.byTestId("no-agent-notice")).hasCount(0);
            assertThat(widget.byTestId("queue-position")).hasCount(0);
        } finally {
            earlier.forEach(CustomerSession::close);
        }
    }
}
