package com.livechat.gateway.socket.frame;

import com.livechat.contracts.events.AgentState;
import com.livechat.gateway.projection.PresenceStore;

import java.time.Instant;
import java.util.List;

/**
 * The agent's own presence as routing last announced it (LOGGED_OUT with no load before the first one);
 * {@code stateSince}: when the agent entered this state (the desktop's time in state).
 */
public record PresenceView(AgentState state, String idleCode, int activeChats, int capacity, List<String> queueIds,
        Instant stateSince) {

    public static PresenceView of(PresenceStore.Presence presence) {
        return presence == null ? new PresenceView(AgentState.LOGGED_OUT, null, 0, 0, List.of(), null)
                : new PresenceView(presence.state(), presence.idleCode(), presence.activeChats(),
                        presence.capacity(), presence.queueIds(), presence.stateSince());
    }
}
