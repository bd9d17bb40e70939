package com.livechat.gateway.command;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.gateway.projection.PresenceStore.Presence;
import com.livechat.gateway.refusal.Refusal;

import java.util.Optional;

/**
 * The gateway's one rule of who may be handed a chat (transfer target) or invited into it (conference invitee):
 * a known, not deleted colleague, other than the caller, {@code AVAILABLE} with a free slot. Pure: fed with the
 * colleague's presence as projected. The transfer-targets list shows exactly the colleagues it lets through, and the
 * transfer and conference commands refuse with its wording. Routing decides for real when the command arrives
 * (its presence is the fresh one); this check answers at once what the projection already knows.
 */
public final class Colleagues {

    private Colleagues() {
    }

    /**
     * Why {@code colleagueId} may not take a chat from {@code callerId} now, or empty when they may.
     * {@code presence} is the colleague's projected presence, empty when routing never announced one.
     */
    public static Optional<Refusal> whyNotTakeTheChat(String callerId, String colleagueId, Optional<Presence> presence) {
        if (callerId.equals(colleagueId)) {
            return Optional.of(Refusal.illegalState("You cannot choose yourself."));
        }
        if (presence.isEmpty() || presence.get().deleted()) {
            return Optional.of(Refusal.unknown(RejectionCode.UNKNOWN_AGENT, "Agent " + colleagueId + " was not found."));
        }
        Presence colleague = presence.get();
        if (colleague.state() != AgentState.AVAILABLE || colleague.activeChats() >= colleague.capacity()) {
            return Optional.of(Refusal.conflict(RejectionCode.TARGET_NOT_AVAILABLE.name(), colleague.displayName()
                    + " is not available (" + colleague.state() + ", " + colleague.activeChats() + "/"
                    + colleague.capacity() + " chats)."));
        }
        return Optional.empty();
    }

    /** Whether the colleague may take a chat from the caller now (the transfer-targets list). */
    public static boolean mayTakeTheChat(String callerId, Presence colleague) {
        return whyNotTakeTheChat(callerId, colleague.agentId(), Optional.of(colleague)).isEmpty();
    }
}
