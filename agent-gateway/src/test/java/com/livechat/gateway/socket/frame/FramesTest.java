package com.livechat.gateway.socket.frame;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.SenderType;
import com.livechat.contracts.json.EventJson;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FramesTest {

    @Test
    void messagesFollowTheirAudience() {
        var toAgents = message(Audience.AGENTS);
        assertEquals("message", json(Frames.forAgent(toAgents).orElseThrow()).path("type").asText());
        assertTrue(Frames.forCustomer(toAgents).isEmpty());
        var toCustomer = message(Audience.CUSTOMER);
        assertTrue(Frames.forAgent(toCustomer).isEmpty());
        JsonNode customerFrame = json(Frames.forCustomer(toCustomer).orElseThrow());
        assertEquals(7, customerFrame.path("seq").asLong());
        assertTrue(customerFrame.path("senderId").isMissingNode());
    }

    @Test
    void stateChangesBecomeTheAlertTheAgentNeeds() {
        assertEquals("customer-ended", agentType(state(ConversationState.CONNECTED, ConversationState.CUSTOMER_ENDED)));
        assertEquals("customer-ended", agentType(state(ConversationState.CONNECTED, ConversationState.INACTIVE)));
        assertEquals("conversation-ended", customerType(state(ConversationState.CONNECTED, ConversationState.INACTIVE)));
        // The end that follows INACTIVE (agents wrapped up) tells the customer nothing new.
        assertTrue(Frames.forCustomer(state(ConversationState.INACTIVE, ConversationState.ENDED)).isEmpty());
        assertEquals("interrupted", agentType(state(ConversationState.CONNECTED, ConversationState.INTERRUPTED)));
        assertEquals("conversation-state", agentType(state(ConversationState.CONNECTED, ConversationState.ENDED)));
        assertEquals("conversation-ended", customerType(state(ConversationState.CONNECTED, ConversationState.ENDED)));
        assertEquals("conversation-ended", customerType(state(ConversationState.QUEUED, ConversationState.ABANDONED)));
        // Closing after the customer already left tells the customer nothing new.
        assertTrue(Frames.forCustomer(state(ConversationState.CUSTOMER_ENDED, ConversationState.ENDED)).isEmpty());
        assertTrue(Frames.forCustomer(state(ConversationState.ENDED, ConversationState.CLOSED)).isEmpty());
    }

    @Test
    void anInactivityWarningIsForTheCustomerOnly() {
        var warned = new ConversationEvent.CustomerInactivityWarned("e", "c-1", 20L, Instant.parse("2026-01-01T10:00:00Z"),
                Instant.parse("2026-01-01T10:01:00Z"));
        assertEquals("inactivity-warning", customerType(warned));
        assertEquals("2026-01-01T10:01:00Z", json(Frames.forCustomer(warned).orElseThrow()).path("endsAt").asText());
        assertTrue(Frames.forAgent(warned).isEmpty());
    }

    @Test
    void participationChanges() {
        assertEquals("requested", Frames.conferenceStatus(ParticipantState.ACTIVE, ParticipantState.CONFERENCE_REQUESTED));
        assertEquals("accepted", Frames.conferenceStatus(ParticipantState.OFFERED, ParticipantState.CONFERENCE));
        assertEquals("declined", Frames.conferenceStatus(ParticipantState.CONFERENCE_REQUESTED, ParticipantState.ACTIVE));
        assertEquals("ended", Frames.conferenceStatus(ParticipantState.CONFERENCE, ParticipantState.WRAP_UP));
        assertEquals("ended", Frames.conferenceStatus(ParticipantState.CONFERENCE, ParticipantState.ACTIVE));
        assertEquals(null, Frames.conferenceStatus(ParticipantState.ACTIVE, ParticipantState.WRAP_UP));
        assertEquals("left", Frames.participantChange(ParticipantState.ACTIVE, ParticipantState.WRAP_UP));

        assertEquals("agent-joined", customerType(participant(null, ParticipantState.ACTIVE)));
        assertEquals("agent-joined", customerType(participant(ParticipantState.OFFERED, ParticipantState.CONFERENCE)));
        assertEquals("agent-left", customerType(participant(ParticipantState.CONFERENCE, ParticipantState.WRAP_UP)));
        assertTrue(Frames.forCustomer(participant(ParticipantState.WRAP_UP, ParticipantState.DONE)).isEmpty());
        assertTrue(Frames.forCustomer(participant(ParticipantState.CONFERENCE, ParticipantState.ACTIVE)).isEmpty());
    }

    private static String agentType(ConversationEvent event) {
        return Frames.forAgent(event).map(frame -> json(frame).path("type").asText()).orElse("none");
    }

    private static String customerType(ConversationEvent event) {
        Optional<CustomerFrame> frame = Frames.forCustomer(event);
        return frame.map(f -> json(f).path("type").asText()).orElse("none");
    }

    /** The frame as the socket sends it. */
    private static JsonNode json(ServerFrame frame) {
        return EventJson.mapper().valueToTree(frame);
    }

    private static ConversationEvent.MessagePosted message(Audience audience) {
        return new ConversationEvent.MessagePosted("e", "c", 7L, Instant.now(), "m", SenderType.SYSTEM, "agent-1",
                "System", audience, "text");
    }

    private static ConversationEvent state(ConversationState from, ConversationState to) {
        return new ConversationEvent.ConversationStateChanged("e", "c", 3L, Instant.now(), from, to, "why");
    }

    private static ConversationEvent participant(ParticipantState from, ParticipantState to) {
        return new ConversationEvent.ParticipantStateChanged("e", "c", 4L, Instant.now(), "a", "Alice", from, to, "why");
    }
}
