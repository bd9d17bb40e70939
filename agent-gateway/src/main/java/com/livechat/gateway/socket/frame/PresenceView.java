package com.livechat.gateway.socket.frame;

import com.livechat.contracts.events.AgentState;
import com.livechat.gateway.projection.PresenceStore;

import java.util.List;

/** The agent's own presence as routing last announced it (LOGGED_OUT with no load before the first one). */
public record PresenceView(AgentState state, String idleCode, int activeChats, int capacity, List<String> queueIds) {

    public static PresenceView of(PresenceStore.Presence presence) {
        return presence == null ? new PresenceView(AgentState.LOGGED_OUT, null, 0, 0, List.of())
                : new PresenceView(presence.state(), presence.idleCode(), presence.activeChats(),
                        presence.capacity(), presence.queueIds());
    }
}
