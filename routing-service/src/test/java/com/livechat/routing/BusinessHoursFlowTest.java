package com.livechat.routing;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.ReferenceData;
import com.livechat.contracts.events.RoutingEvent.ChatOffered;
import com.livechat.contracts.events.RoutingEvent.QueuePositionChanged;
import com.livechat.contracts.events.RoutingEvent.QueueTimedOut;
import com.livechat.routing.support.Inputs;
import com.livechat.routing.support.Pause;
import com.livechat.routing.support.RoutingTestBase;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.MutableClock;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static com.livechat.testsupport.auth.AdminRequests.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Business hours on the real broker and database: a closed queue's chat waits, untimed, and is offered at opening. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_routing_test"))
class BusinessHoursFlowTest extends RoutingTestBase {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @Inject
    MutableClock clock;

    /** A zone where it is about noon now, so that "opens in ten minutes" stays on today's date. */
    private ZoneOffset noonZone(Instant now) {
        int hour = now.atZone(ZoneOffset.UTC).getHour();
        return ZoneOffset.ofHours(Math.max(-12, Math.min(14, 12 - hour)));
    }

    @Test
    void aChatInAClosedQueueWaitsWithoutTimingOutAndIsOfferedAtTheOpening() {
        String queue = Inputs.id("q");
        String agent = Inputs.id("a");
        Instant now = clock.instant();
        ZoneOffset zone = noonZone(now);
        ZonedDateTime local = now.atZone(zone);
        LocalTime opens = local.toLocalTime().truncatedTo(ChronoUnit.MINUTES).plusMinutes(10);
        Instant opening = local.toLocalDate().atTime(opens).atZone(zone).toInstant();
        Map<String, Object> hours = Map.of("timeZone", zone.getId(), "weekly", List.of(Map.of(
                "day", local.getDayOfWeek().name(), "opens", opens.toString(), "closes", opens.plusHours(2).toString())),
                "holidays", List.of());
        putQueue(queue, Map.of("name", "Queue " + queue, "ronaTimeoutSeconds", 30, "maxWaitSeconds", 60,
                "businessHours", hours)).statusCode(200)
                .body("businessHours.timeZone", equalTo(zone.getId()))
                .body("businessHours.weekly[0].opens", equalTo(opens.toString()));
        ReferenceData.QueueInfo info = await().atMost(WAIT).until(() -> referenceData().records(
                ReferenceData.QueueInfo.class, q -> q.id().equals(queue)), found -> !found.isEmpty()).get(0);
        assertEquals(zone.getId(), info.businessHours().timeZone());

        putAgent(agent, 2, queue);
        changeState(agent, AgentState.AVAILABLE);
        String chat = Inputs.id("c");
        inputs().send(Inputs.queued(chat, queue, T0));
        awaitEvent(QueuePositionChanged.class, e -> e.conversationId().equals(chat));

        // Closed: more than its maximum wait passes, and the chat is neither offered nor timed out.
        clock.advanceTo(now.plusSeconds(300));
        // Several scan rounds (every routing.scan-interval, 250 ms) at the new instant.
        Pause.until(Instant.now().plusSeconds(2));
        assertTrue(offers(chat).isEmpty(), "offered while closed");
        assertTrue(recorder().events(QueueTimedOut.class, e -> e.conversationId().equals(chat)).isEmpty(),
                "timed out while closed");
        asAdmin().get("/queues/{id}/waiting", queue).then().statusCode(200).body("[0].conversationId", equalTo(chat));

        // Opening time: the scan offers it, nothing else happened.
        clock.advanceTo(opening);
        ChatOffered offer = awaitOffer(chat);
        assertEquals(agent, offer.agentId());
        assertFalse(offer.occurredAt().isBefore(opening));
        assertTrue(recorder().events(QueueTimedOut.class, e -> e.conversationId().equals(chat)).isEmpty());
    }

    @Test
    void invalidBusinessHoursAreRefusedWithAClearProblem() {
        String queue = Inputs.id("q");
        putQueue(queue, Map.of("name", "Queue " + queue, "businessHours", Map.of("timeZone", "Mars/Olympus",
                "weekly", List.of(), "holidays", List.of()))).statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo("INVALID_BUSINESS_HOURS")).body("detail", containsString("Mars/Olympus"));
        putQueue(queue, Map.of("name", "Queue " + queue, "businessHours", Map.of("timeZone", "UTC",
                "weekly", List.of(Map.of("day", "MONDAY", "opens", "25:00", "closes", "10:00")))))
                .statusCode(400).body("detail", containsString("25:00"));
        asAdmin().get("/admin/queues/{id}", queue).then().statusCode(404);
    }
}
