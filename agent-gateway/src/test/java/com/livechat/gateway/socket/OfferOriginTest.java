package com.livechat.gateway.socket;

import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.Customer;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.QueueReason;
import com.livechat.contracts.events.RoutingEvent.ChatOffered;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OfferOriginTest {

    static final Instant T = Instant.parse("2026-01-02T03:04:05Z");
    static final String C = "c-1";

    private final List<ConversationEvent> log = new ArrayList<>();
    private long seq;

    @Test
    void aQueueOfferAfterATransferToTheQueueIsATransferFromTheAgentWhoLeft() {
        startedAndServedBy("bob", "Bob Dupont");
        log.add(participant("bob", "Bob Dupont", ParticipantState.ACTIVE, ParticipantState.WRAP_UP));
        log.add(queued(QueueReason.TRANSFER));

        OfferOrigin origin = OfferOrigin.of(offer(OfferKind.QUEUE, null), log);

        assertEquals(OfferKind.TRANSFER, origin.kind());
        assertEquals("bob", origin.requestedBy());
        assertEquals("Bob Dupont", origin.requestedByName());
    }

    @Test
    void aNewChatStaysAQueueOffer() {
        log.add(started());
        log.add(queued(QueueReason.NEW));

        OfferOrigin origin = OfferOrigin.of(offer(OfferKind.QUEUE, null), log);

        assertEquals(OfferKind.QUEUE, origin.kind());
        assertNull(origin.requestedBy());
        assertNull(origin.requestedByName());
    }

    @Test
    void aTransferredChatRequeuedAfterAMissedOfferIsStillATransfer() {
        startedAndServedBy("bob", "Bob Dupont");
        log.add(participant("bob", "Bob Dupont", ParticipantState.ACTIVE, ParticipantState.WRAP_UP));
        log.add(queued(QueueReason.TRANSFER));
        log.add(queued(QueueReason.REQUEUE));

        assertEquals("bob", OfferOrigin.of(offer(OfferKind.QUEUE, null), log).requestedBy());
    }

    @Test
    void aTransferredChatTakenByAnotherAgentThenRequeuedIsNoLongerOne() {
        startedAndServedBy("bob", "Bob Dupont");
        log.add(participant("bob", "Bob Dupont", ParticipantState.ACTIVE, ParticipantState.WRAP_UP));
        log.add(queued(QueueReason.TRANSFER));
        startedAndServedBy("carol", "Carol King");
        log.add(queued(QueueReason.REQUEUE));

        assertEquals(OfferKind.QUEUE, OfferOrigin.of(offer(OfferKind.QUEUE, null), log).kind());
    }

    @Test
    void aTransferOrConferenceOfferNamesTheAgentWhoAsked() {
        startedAndServedBy("bob", "Bob Dupont");

        OfferOrigin origin = OfferOrigin.of(offer(OfferKind.CONFERENCE, "bob"), log);

        assertEquals(OfferKind.CONFERENCE, origin.kind());
        assertEquals("bob", origin.requestedBy());
        assertEquals("Bob Dupont", origin.requestedByName());
    }

    @Test
    void anAgentTheLogDoesNotNameKeepsOnlyTheId() {
        log.add(started());

        OfferOrigin origin = OfferOrigin.of(offer(OfferKind.TRANSFER, "dave"), log);

        assertEquals("dave", origin.requestedBy());
        assertNull(origin.requestedByName());
    }

    private void startedAndServedBy(String agentId, String agentName) {
        if (log.isEmpty()) log.add(started());
        log.add(participant(agentId, agentName, null, ParticipantState.ACTIVE));
    }

    private ConversationEvent started() {
        return new ConversationEvent.ConversationStarted("e", C, ++seq, T, "q-1", "Support",
                new Customer("Jean", null, null), Map.of(), false);
    }

    private ConversationEvent queued(QueueReason reason) {
        return new ConversationEvent.ConversationQueued("e", C, ++seq, T, "q-2", "Billing", "Jean", false, T, reason);
    }

    private ConversationEvent participant(String agentId, String name, ParticipantState from, ParticipantState to) {
        return new ConversationEvent.ParticipantStateChanged("e", C, ++seq, T, agentId, name, from, to, "test");
    }

    private static ChatOffered offer(OfferKind kind, String requestedBy) {
        return new ChatOffered("e", T, "o-1", C, kind, "alice", "Alice", "q-2", "Billing", "Jean", false, T,
                T.plusSeconds(30), requestedBy, null, null);
    }
}
