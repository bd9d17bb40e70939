package com.livechat.conversation.domain;

import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The customer-inactivity rule, pure: deadlines from the queue's settings or the defaults, warn once, end once. */
class CustomerInactivityTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private final CustomerInactivity inactivity = new CustomerInactivity(Duration.ofSeconds(240),
            Duration.ofSeconds(60));

    @Test
    void anAssignedChatGetsTheQueueSettingsOrTheDefaults() {
        Conversation custom = connected(30, 20);
        assertEquals(T0.plusSeconds(30), custom.inactivityWarnAt());
        assertEquals(T0.plusSeconds(50), custom.inactivityEndAt());

        Conversation defaults = connected(null, null);
        assertEquals(T0.plusSeconds(240), defaults.inactivityWarnAt());
        assertEquals(T0.plusSeconds(300), defaults.inactivityEndAt());
    }

    @Test
    void nothingIsDueBeforeTheWarningAndTheWarningComesOnce() {
        Conversation conversation = connected(30, 20);
        assertTrue(check(conversation, T0.plusSeconds(29)).isEmpty());

        List<ConversationEvent> warned = check(conversation, T0.plusSeconds(31));
        assertEquals(1, warned.size());
        ConversationEvent.CustomerInactivityWarned warning = (ConversationEvent.CustomerInactivityWarned) warned.get(0);
        assertEquals(T0.plusSeconds(50), warning.endsAt());
        assertTrue(conversation.inactivityWarned());

        assertTrue(check(conversation, T0.plusSeconds(40)).isEmpty(), "warned once");
    }

    @Test
    void aCustomerMessageStartsTheSilenceAgainAndClearsTheWarning() {
        Conversation conversation = connected(30, 20);
        check(conversation, T0.plusSeconds(31));

        ConversationTimeline later = timeline(conversation, T0.plusSeconds(45));
        inactivity.customerWrote(later);

        assertFalse(conversation.inactivityWarned());
        assertEquals(T0.plusSeconds(75), conversation.inactivityWarnAt());
        assertEquals(T0.plusSeconds(95), conversation.inactivityEndAt());
        assertTrue(check(conversation, T0.plusSeconds(51)).isEmpty(), "the old end no longer holds");
    }

    @Test
    void afterTheGracePeriodTheChatEndsInactiveAndTheAgentsWrapUp() {
        Conversation conversation = connected(30, 20);
        ConversationTimeline timeline = timeline(conversation, T0.plusSeconds(50));
        inactivity.check(timeline);

        assertEquals(ConversationState.ENDED, conversation.state());
        List<ConversationState> states = timeline.events().stream()
                .filter(ConversationEvent.ConversationStateChanged.class::isInstance)
                .map(e -> ((ConversationEvent.ConversationStateChanged) e).to()).toList();
        assertEquals(List.of(ConversationState.INACTIVE, ConversationState.ENDED), states);
        assertTrue(timeline.events().stream().anyMatch(e -> e instanceof ConversationEvent.MessagePosted m
                && m.audience() == Audience.AGENTS && m.text().equals(SystemMessages.CUSTOMER_INACTIVE)));
        assertEquals(ParticipantState.WRAP_UP, timeline.participations().get(0).state());
        assertNull(conversation.inactivityWarnAt());

        assertTrue(check(conversation, T0.plusSeconds(500)).isEmpty(), "ended once");
    }

    @Test
    void aChatThatLeftConnectedLosesItsTimerWithoutAnEvent() {
        Conversation conversation = connected(30, 20);
        conversation.moveTo(ConversationState.CUSTOMER_ENDED, T0.plusSeconds(5));

        assertTrue(check(conversation, T0.plusSeconds(60)).isEmpty());
        assertNull(conversation.inactivityWarnAt());
    }

    @Test
    void anUnassignedChatHasNoTimerAndAnAgentMessageChangesNothing() {
        Conversation queued = new Conversation("c-2", "q", "Queue", "Melissa", null, null, false, T0);
        ConversationTimeline timeline = timeline(queued, T0);
        inactivity.offered(timeline, 30, 20);
        inactivity.restart(timeline);
        assertNull(queued.inactivityWarnAt());
        inactivity.customerWrote(timeline);
        assertNull(queued.inactivityWarnAt());
    }

    private Conversation connected(Integer warning, Integer grace) {
        Conversation conversation = new Conversation("c-1", "q", "Queue", "Melissa", null, null, false, T0);
        participations = List.of();
        ConversationTimeline timeline = timeline(conversation, T0);
        inactivity.offered(timeline, warning, grace);
        Participation agent = timeline.offer("o-1", "alice", "Alice", OfferKind.QUEUE, null);
        timeline.moveTo(ConversationState.OFFERED, "offered");
        timeline.moveTo(ConversationState.CONNECTED, "assigned");
        timeline.moveParticipant(agent, ParticipantState.ACTIVE, "accepted");
        inactivity.restart(timeline);
        participations = timeline.participations();
        return conversation;
    }

    private List<Participation> participations = List.of();

    private List<ConversationEvent> check(Conversation conversation, Instant now) {
        ConversationTimeline timeline = timeline(conversation, now);
        inactivity.check(timeline);
        return timeline.events();
    }

    private ConversationTimeline timeline(Conversation conversation, Instant now) {
        return new ConversationTimeline(conversation, participations, now);
    }
}
