package com.livechat.routing.domain;

import com.livechat.contracts.events.OfferKind;

import java.time.Instant;

/**
 * What an offer is made of, before it is given to an agent. {@code leftMessage} only matters for a queue offer: the
 * chat goes back to its queue as a left message if the offer is not taken.
 */
public record OfferDraft(String conversationId, OfferKind kind, String queueId, String queueName, String customerName,
        boolean proactive, Instant waitingSince, Instant enteredQueueAt, String requestedBy, boolean leftMessage) {

    static OfferDraft fromQueue(WaitingChat chat, RoutingQueue queue) {
        return new OfferDraft(chat.conversationId, OfferKind.QUEUE, queue.id, queue.name, chat.customerName,
                chat.proactive, chat.waitingSince, chat.enteredQueueAt, null, chat.leftMessage);
    }
}
