package com.livechat.contracts.events;

/** Why an offer ended without being accepted. */
public enum WithdrawReason {
    /** Not accepted within the queue's RONA timeout: the agent goes to RONA. */
    RONA_TIMEOUT,
    /** Declined by the agent: treated like RONA. */
    DECLINED,
    /** The chat no longer needs it (the customer left, the queue was deleted...). The agent keeps their state. */
    CANCELLED,
    /** A named agent (transfer target, conference invitee) could not be offered the chat: not AVAILABLE or full. */
    UNAVAILABLE
}
