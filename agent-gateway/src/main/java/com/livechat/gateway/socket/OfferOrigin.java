package com.livechat.gateway.socket;

import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationEvent.ConversationQueued;
import com.livechat.contracts.events.ConversationEvent.ParticipantStateChanged;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.QueueReason;
import com.livechat.contracts.events.RoutingEvent.ChatOffered;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an offer comes from, as the pop-up says it: "transfer from Bob", "conference invitation from Bob".
 * Routing offers a chat transferred to a queue like any queued chat (kind QUEUE, nobody named), so the gateway
 * reads the conversation's log: a chat whose last queuing was a TRANSFER was handed on by the agent who left it
 * just before (ACTIVE → WRAP_UP), until another agent takes it. Names come from the log's participant events.
 */
record OfferOrigin(OfferKind kind, String requestedBy, String requestedByName) {

    static OfferOrigin of(ChatOffered offer, List<ConversationEvent> log) {
        Map<String, String> names = new HashMap<>();
        String lastLeaver = null;
        String transferredBy = null;
        for (ConversationEvent event : log) {
            if (event instanceof ParticipantStateChanged step) {
                if (step.agentName() != null) names.put(step.agentId(), step.agentName());
                if (step.to() == ParticipantState.WRAP_UP) lastLeaver = step.agentId();
                if (step.to() == ParticipantState.ACTIVE) transferredBy = null; // someone took it since
            } else if (event instanceof ConversationQueued queued && queued.reason() == QueueReason.TRANSFER) {
                transferredBy = lastLeaver; // a requeue after a missed offer keeps it a transfer
            }
        }
        if (offer.kind() == OfferKind.QUEUE && transferredBy != null) {
            return new OfferOrigin(OfferKind.TRANSFER, transferredBy, names.get(transferredBy));
        }
        return new OfferOrigin(offer.kind(), offer.requestedBy(),
                offer.requestedBy() == null ? null : names.get(offer.requestedBy()));
    }
}
