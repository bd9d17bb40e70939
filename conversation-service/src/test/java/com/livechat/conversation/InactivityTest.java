package com.livechat.conversation;

import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.conversation.domain.SystemMessages;
import com.livechat.conversation.scheduling.InactivityScans;
import com.livechat.conversation.support.ConversationHarness;
import com.livechat.conversation.support.Database;
import com.livechat.testsupport.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.livechat.conversation.TransferTest.assertAgentState;
import static com.livechat.conversation.TransferTest.assertOneWrapUpPerAgent;
import static com.livechat.conversation.support.ConversationHarness.newId;
import static com.livechat.testsupport.auth.AdminRequests.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Customer inactivity on the real broker and database: a silent customer is warned, then the chat ends as INACTIVE
 * with its agent in wrap-up; only the customer's messages move the deadlines; the deadlines survive the loss of
 * every timer and the end happens once. Time passes by moving the service's clock, not by sleeping.
 */
@QuarkusTest
class InactivityTest {

    private final ConversationHarness harness = ConversationHarness.get();

    @Inject
    MutableClock clock;

    @Inject
    InactivityScans scans;

    @BeforeEach
    void wrapUpReason() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("label", "No reply"))
                .put("/admin/wrap-up-reasons/NO_REPLY").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    @AfterEach
    void timersBack() {
        scans.start();
    }

    @Test
    void aSilentCustomerIsWarnedThenTheChatEndsInactiveWithTheAgentInWrapUp() {
        String chat = connect(30, 20);
        harness.customerSays(chat, newId(), "hello");
        harness.agentSays(chat, "alice", newId(), "Are you there?");
        harness.awaitEvent(chat, ConversationEvent.MessagePosted.class, m -> "Are you there?".equals(m.text()));

        clock.advance(Duration.ofSeconds(31));
        ConversationEvent.CustomerInactivityWarned warned = harness.awaitEvent(chat,
                ConversationEvent.CustomerInactivityWarned.class, w -> true);
        assertTrue(Duration.between(warned.occurredAt(), warned.endsAt()).compareTo(Duration.ofSeconds(20)) <= 0);
        // The agent writing does not count as activity.
        harness.agentSays(chat, "alice", newId(), "Hello?");
        harness.awaitEvent(chat, ConversationEvent.MessagePosted.class, m -> "Hello?".equals(m.text()));

        clock.advanceTo(warned.endsAt().plusSeconds(1));
        harness.awaitState(chat, ConversationState.ENDED);
        assertEquals(List.of(ConversationState.OFFERED, ConversationState.CONNECTED, ConversationState.INACTIVE,
                ConversationState.ENDED), states(chat));
        assertEquals(Audience.AGENTS, harness.awaitSystemMessage(chat, SystemMessages.CUSTOMER_INACTIVE).audience());
        assertAgentState(chat, "alice", ParticipantState.WRAP_UP);
        assertEquals(1, harness.events(chat, ConversationEvent.CustomerInactivityWarned.class).size());

        harness.wrapUp(chat, "alice", "NO_REPLY", null);
        harness.awaitState(chat, ConversationState.CLOSED);
        assertOneWrapUpPerAgent(chat, "alice");
    }

    @Test
    void aCustomerMessageAfterTheWarningStartsTheSilenceAgain() {
        String chat = connect(30, 20);
        clock.advance(Duration.ofSeconds(31));
        ConversationEvent.CustomerInactivityWarned first = harness.awaitEvent(chat,
                ConversationEvent.CustomerInactivityWarned.class, w -> true);

        harness.customerSays(chat, newId(), "Still here");
        harness.awaitEvent(chat, ConversationEvent.MessagePosted.class, m -> "Still here".equals(m.text()));
        Instant typedAt = clock.instant();

        // Past the first end: a second warning (30 s after the message) rather than the end.
        clock.advanceTo(first.endsAt().plusSeconds(1));
        clock.advanceTo(typedAt.plusSeconds(31));
        ConversationEvent.CustomerInactivityWarned second = harness.awaitEvent(chat,
                ConversationEvent.CustomerInactivityWarned.class, w -> !w.eventId().equals(first.eventId()));
        assertTrue(second.endsAt().isAfter(first.endsAt()));
        assertEquals(ConversationState.CONNECTED, harness.currentState(chat));
    }

    @Test
    void theQueueDefaultsApplyWhenTheQueueSetsNone() {
        String chat = connect(null, null);
        Map<String, Object> row = deadlines(chat);
        Instant warnAt = ((java.sql.Timestamp) row.get("inactivity_warn_at")).toInstant();
        Instant endAt = ((java.sql.Timestamp) row.get("inactivity_end_at")).toInstant();
        assertEquals(Duration.ofSeconds(60), Duration.between(warnAt, endAt));
        assertTrue(Duration.between(clock.instant(), warnAt).compareTo(Duration.ofSeconds(235)) > 0,
                "about 240 s ahead: " + warnAt);
    }

    @Test
    void deadlinesPassedWhileNoTimerRunsAreAppliedOnceWhenTimersComeBack() {
        String chat = connect(30, 20);
        clock.advance(Duration.ofSeconds(31));
        ConversationEvent.CustomerInactivityWarned warned = harness.awaitEvent(chat,
                ConversationEvent.CustomerInactivityWarned.class, w -> true);

        // As if the service stopped between the warning and the end: no scan runs while the end passes.
        scans.stop();
        clock.advanceTo(warned.endsAt().plusSeconds(5));
        Map<String, Object> row = deadlines(chat);
        assertEquals("CONNECTED", row.get("state"));
        assertEquals(Boolean.TRUE, row.get("inactivity_warned"));

        scans.start();
        harness.awaitState(chat, ConversationState.ENDED);
        scans.stop();
        scans.start();
        harness.awaitRejection(harness.customerSays(chat, newId(), "later"));
        assertEquals(1, states(chat).stream().filter(s -> s == ConversationState.INACTIVE).count());
        assertEquals(1, harness.events(chat, ConversationEvent.CustomerInactivityWarned.class).size());
    }

    /** A chat from a queue with these inactivity settings, offered to and accepted by alice: CONNECTED. */
    private String connect(Integer warningSeconds, Integer graceSeconds) {
        String chat = newId();
        harness.start(chat, "q-" + newId());
        harness.accept(harness.offer(chat, "alice", OfferKind.QUEUE, null, warningSeconds, graceSeconds));
        harness.awaitState(chat, ConversationState.CONNECTED);
        return chat;
    }

    private List<ConversationState> states(String chat) {
        return harness.events(chat, ConversationEvent.ConversationStateChanged.class).stream()
                .map(ConversationEvent.ConversationStateChanged::to).toList();
    }

    private static Map<String, Object> deadlines(String chat) {
        return Database.query("select state, inactivity_warn_at, inactivity_end_at, inactivity_warned "
                + "from conversation where id = ?", chat).get(0);
    }
}
