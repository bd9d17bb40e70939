package com.livechat.e2e.browser;

import com.livechat.e2e.browser.support.Accessibility;
import com.livechat.e2e.browser.support.Browsers;
import com.livechat.e2e.browser.support.EnglishLeft;
import com.livechat.e2e.browser.support.Screenshots;
import com.livechat.e2e.support.E2eStack;
import com.livechat.e2e.support.Fixtures;
import com.livechat.testsupport.stack.Http;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Outside business hours the widget offers a message form instead of a chat (issue 14), against the real services:
 * the queue is open every day, all day, except today (a holiday). The form checks its fields, sends the message, and
 * confirms; routing then holds a waiting chat in the queue. English and French, axe, no English left in French.
 */
class BusinessHoursWidgetTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(quoteCharacter = '"', value = {
            "en, en-GB, We are closed right now, Please write your message., Thank you, your message was sent",
            "fr, fr-FR, Nous sommes fermés pour le moment, Veuillez écrire votre message., Merci, votre message a été envoyé"})
    void aClosedQueueTakesAMessageInsteadOfAChat(String language, String locale, String title, String messageRequired,
            String sent) {
        String queue = Fixtures.queue("Widget closed", 30);
        List<Map<String, String>> everyDay = Arrays.stream(DayOfWeek.values())
                .map(day -> Map.of("day", day.name(), "opens", "00:00", "closes", "00:00")).toList();
        Http.put(Fixtures.adminApi("routing") + "/queues/" + queue, Fixtures.adminToken(), Map.of(
                "name", "Widget closed " + queue, "ronaTimeoutSeconds", 30, "businessHours", Map.of("timeZone", "UTC",
                        "weekly", everyDay, "holidays", List.of(LocalDate.now(ZoneOffset.UTC).toString(),
                                LocalDate.now(ZoneOffset.UTC).plusDays(1).toString())))).expect(200);
        String gateway = E2eStack.gateway(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> !Http.get(gateway
                + "/api/queues/" + queue + "/availability", null).expect(200).body().path("open").asBoolean(true));
        try (BrowserContext context = Browsers.newContext(locale, Browsers.DESKTOP)) {
            Page page = context.newPage();
            page.navigate(gateway + "/chat/?queue=" + queue);
            assertThat(page.getByTestId("offline-form")).isVisible();
            assertThat(page.getByRole(AriaRole.HEADING,
                    new Page.GetByRoleOptions().setName(title))).isVisible();
            assertThat(page.getByTestId("prechat-submit")).hasCount(0);
            assertThat(page.getByTestId("offline-opening")).isVisible();

            page.getByTestId("offline-submit").click();
            assertThat(page.getByTestId("offline-message")).hasAttribute("aria-invalid", "true");
            assertThat(page.getByTestId("offline-form")).containsText(messageRequired);
            assertEquals(List.of(), Accessibility.seriousViolations(page));
            if (language.equals("fr")) {
                EnglishLeft.load().assertNoneOn(page, "widget message form (fr)");
            }
            Screenshots.save(page, "widget-offline-form-" + language + "-1366");

            page.getByTestId("offline-name").fill("Nina Night");
            page.getByTestId("offline-contact").fill("nina@example.com");
            page.getByTestId("offline-message").fill("Please call me back tomorrow");
            page.getByTestId("offline-submit").click();
            assertThat(page.getByTestId("offline-sent")).containsText(sent);
            assertEquals(List.of(), Accessibility.seriousViolations(page));
            if (language.equals("fr")) {
                EnglishLeft.load().assertNoneOn(page, "widget message sent (fr)");
            }
            Screenshots.save(page, "widget-offline-sent-" + language + "-1366");
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Fixtures.waitingIn(queue).size() == 1);
    }
}
