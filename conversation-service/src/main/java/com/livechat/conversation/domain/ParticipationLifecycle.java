package com.livechat.conversation.domain;

import com.livechat.contracts.events.ParticipantState;

import java.util.EnumSet;
import java.util.Set;

/**
 * The rules of one agent's part in one conversation, owned by this service (the contract only names the states).
 * Wrap-up is per agent: each agent who was active ends, submits a wrap-up reason, and is then DONE. An offer that is
 * never accepted ends WITHDRAWN and needs no wrap-up.
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
public final class ParticipationLifecycle {

    private ParticipationLifecycle() {
    }

    public static boolean canTransition(ParticipantState from, ParticipantState to) {
        return allowedTargets(from).contains(to);
    }

    public static Set<ParticipantState> allowedTargets(ParticipantState from) {
        return switch (from) {
            case OFFERED -> EnumSet.of(ParticipantState.ACTIVE, ParticipantState.CONFERENCE,
                    ParticipantState.WITHDRAWN);
            case ACTIVE -> EnumSet.of(ParticipantState.CONFERENCE_REQUESTED, ParticipantState.WRAP_UP);
            case CONFERENCE_REQUESTED -> EnumSet.of(ParticipantState.CONFERENCE, ParticipantState.ACTIVE,
                    ParticipantState.WRAP_UP);
            case CONFERENCE -> EnumSet.of(ParticipantState.ACTIVE, ParticipantState.CONFERENCE_REQUESTED,
                    ParticipantState.WRAP_UP);
            case WRAP_UP -> EnumSet.of(ParticipantState.DONE);
            case DONE, WITHDRAWN -> EnumSet.noneOf(ParticipantState.class);
        };
    }

    /** The agent is in the chat: sees it live and may write. */
    public static boolean isInConversation(ParticipantState state) {
        return state == ParticipantState.ACTIVE || state == ParticipantState.CONFERENCE_REQUESTED
                || state == ParticipantState.CONFERENCE;
    }
}
