package com.livechat.contracts.events;

/** Why an agent is offered a chat: from a queue, as the target of a transfer, or as a conference invitee. */
public enum OfferKind {
    QUEUE,
    TRANSFER,
    CONFERENCE
}
