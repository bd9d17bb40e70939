package com.livechat.shared.events;

import java.util.EnumSet;
import java.util.Set;

/**
 * One agent's part in one conversation. Wrap-up is per agent: each agent who was active ends, submits a wrap-up
 * reason, and is then DONE. An offer that is never accepted ends WITHDRAWN and needs no wrap-up.
 *
 * <pre>
 * OFFERED -> ACTIVE -> WRAP_UP -> DONE
 * OFFERED -> WITHDRAWN
 * OFFERED -> CONFERENCE                               (an invitee accepts a conference)
 * ACTIVE -> CONFERENCE_REQUESTED -> CONFERENCE -> ACTIVE (the other agent left)
 * CONFERENCE_REQUESTED -> ACTIVE                      (the invitation was not accepted)
 * ACTIVE | CONFERENCE_REQUESTED | CONFERENCE -> WRAP_UP
 * </pre>
 */
public enum ParticipantState {
    OFFERED,
    ACTIVE,
    CONFERENCE_REQUESTED,
    CONFERENCE,
    WRAP_UP,
    DONE,
    WITHDRAWN;

    public boolean canTransitionTo(ParticipantState target) {
        return allowedTargets().contains(target);
    }

    public Set<ParticipantState> allowedTargets() {
        return switch (this) {
            case OFFERED -> EnumSet.of(ACTIVE, CONFERENCE, WITHDRAWN);
            case ACTIVE -> EnumSet.of(CONFERENCE_REQUESTED, WRAP_UP);
            case CONFERENCE_REQUESTED -> EnumSet.of(CONFERENCE, ACTIVE, WRAP_UP);
            case CONFERENCE -> EnumSet.of(ACTIVE, CONFERENCE_REQUESTED, WRAP_UP);
            case WRAP_UP -> EnumSet.of(DONE);
            case DONE, WITHDRAWN -> EnumSet.noneOf(ParticipantState.class);
        };
    }

    /** The agent is in the chat: sees it live and may write. */
    public boolean isInConversation() {
        return this == ACTIVE || this == CONFERENCE_REQUESTED || this == CONFERENCE;
    }
}
