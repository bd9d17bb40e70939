package com.livechat.contracts.events;

/** Why a command was refused; the codes clients can rely on, each with a human-readable reason alongside. */
public enum RejectionCode {
    INVALID_MESSAGE,
    MESSAGE_TOO_LONG,
    RESERVED_CHARACTERS,
    ILLEGAL_STATE,
    NOT_A_PARTICIPANT,
    UNKNOWN_CONVERSATION,
    UNKNOWN_QUEUE,
    UNKNOWN_AGENT,
    UNKNOWN_TEMPLATE,
    UNKNOWN_WRAP_UP_REASON,
    UNKNOWN_IDLE_CODE,
    OFFER_NOT_PENDING,
    TARGET_NOT_AVAILABLE,
    CONFERENCE_FULL,
    /** A command is missing a field or names something impossible (for example a transfer to oneself). */
    INVALID_COMMAND,
    /** Text still holds a card number: storing it is refused (masking should have removed it upstream). */
    UNMASKED_CARD_NUMBER
}
