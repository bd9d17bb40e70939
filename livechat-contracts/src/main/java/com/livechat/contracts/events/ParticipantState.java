package com.livechat.contracts.events;

/**
 * One agent's part in one conversation, as it travels on the wire. The conversation service owns the rules of which
 * state follows which ({@code ParticipationLifecycle} there; documented in {@code docs/api/conversation.md}).
 */
public enum ParticipantState {
    OFFERED,
    ACTIVE,
    CONFERENCE_REQUESTED,
    CONFERENCE,
    WRAP_UP,
    DONE,
    WITHDRAWN
}
