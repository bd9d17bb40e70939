package com.livechat.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.e2e.support.AgentSession;
import com.livechat.e2e.support.E2eStack;
import com.livechat.e2e.support.Fixtures;
import com.livechat.testsupport.stack.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Business hours on the whole stack (issue 14): a chat started outside business hours becomes a message that is
 * offered at opening time. The queue of its own opens in real time one to two minutes after the test starts (in a
 * zone where it is about noon, so the range stays on one local date).
 */
public class BusinessHoursEndToEndTest {

    private static final String MESSAGE = "Please call me back about order A-1042";
    private static final String EMAIL = "melissa.martin@gmail.com";

    @BeforeAll
    static void startSystem() {
        E2eStack.get();
    }

    @Test
    void aChatStartedOutsideBusinessHoursBecomesAMessageOfferedAtOpeningTime() throws Exception {
        String queue = Fixtures.queue("Hours", 30);
        Instant now = Instant.now();
        ZoneOffset zone = ZoneOffset.ofHours(Math.max(-12, Math.min(14, 12 - now.atZone(ZoneOffset.UTC).getHour())));
        ZonedDateTime local = now.atZone(zone);
        LocalTime opens = local.toLocalTime().truncatedTo(ChronoUnit.MINUTES).plusMinutes(2);
        Instant opening = local.toLocalDate().atTime(opens).atZone(zone).toInstant();
        Http.put(Fixtures.adminApi("routing") + "/queues/" + queue, Fixtures.adminToken(), Map.of(
                "name", "Hours " + queue, "ronaTimeoutSeconds", 30, "maxWaitSeconds", 30,
                "businessHours", Map.of("timeZone", zone.getId(), "holidays", List.of(), "weekly", List.of(Map.of(
                        "day", local.getDayOfWeek().name(), "opens", opens.toString(),
                        "closes", opens.plusHours(1).toString()))))).expect(200);
        String gateway = E2eStack.gateway(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> !Http.get(gateway + "/api/queues/" + queue
                + "/availability", null).expect(200).body().path("open").asBoolean(true));
        JsonNode availability = Http.get(gateway + "/api/queues/" + queue + "/availability", null).expect(200).body();
        assertEquals(opening, Instant.parse(availability.path("nextOpening").asText()));

        String agentId = Fixtures.agent("Olga Opening", queue);
        try (AgentSession agent = AgentSession.login(gateway, agentId).available()) {
            // A chat is refused while closed: the widget offers the message form instead.
            Map<String, Object> chat = new LinkedHashMap<>();
            chat.put("queueId", queue);
            chat.put("customer", Map.of("name", "Melissa Martin", "email", EMAIL));
            JsonNode refused = Http.post(gateway + "/api/chats", null, chat).expect(409).body();
            assertEquals("QUEUE_CLOSED", refused.path("code").asText());

            chat.put("offline", true);
            chat.put("message", MESSAGE);
            String id = Http.post(E2eStack.gateway(1) + "/api/chats", null, chat).expect(201).body()
                    .path("conversationId").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.waitingIn(queue).contains(id));
            assertTrue(Instant.now().isBefore(opening), "the message must be waiting before the opening");
            // The agent is available, yet nothing is offered while closed, beyond the queue's maximum wait (30 s).
            long secondsToOpening = Duration.between(Instant.now(), opening).toSeconds();
            if (secondsToOpening > 35) {
                Thread.sleep(Duration.ofSeconds(35).toMillis());
                assertTrue(Fixtures.waitingIn(queue).contains(id), "still waiting, not timed out, while closed");
            }
            assertTrue(agent.socket().frames("offer").stream()
                    .noneMatch(frame -> id.equals(frame.path("conversationId").asText())), "offered while closed");

            JsonNode offer = agent.socket().await("offer", frame -> id.equals(frame.path("conversationId").asText()),
                    Duration.ofSeconds(150));
            Instant offeredAt = Instant.parse(offer.path("offeredAt").asText());
            assertFalse(offeredAt.isBefore(opening), "offered at " + offeredAt + ", opens at " + opening);
            assertEquals(List.of(MESSAGE), AgentSession.threadTexts(offer), "the message is the chat's first");

            agent.acceptAndJoin(offer);
            JsonNode started = null;
            for (JsonNode frame : agent.get("/api/conversations/" + id + "/events?afterSeq=0").expect(200).body()) {
                if ("conversation-started".equals(frame.path("type").asText())) {
                    started = frame;
                }
            }
            assertTrue(started != null, "the conversation-started frame");
            String contact = started.path("cad").path("contactOrigin").asText();
            assertFalse(contact.isBlank(), "the contact is shown");
            assertNotEquals(EMAIL, contact, "masked like everything else");
            assertTrue(contact.endsWith("@gmail.com"), contact);
            assertEquals("true", started.path("cad").path("offlineMessage").asText());

            agent.end(id).expect(202);
            agent.wrapUp(id, "RESOLVED").expect(202);
            Fixtures.assertClosedWithOneWrapUpEach(id, agentId);
        }
    }
}
