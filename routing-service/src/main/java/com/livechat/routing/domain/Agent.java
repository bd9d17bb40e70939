package com.livechat.routing.domain;

import com.livechat.contracts.events.AgentState;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * A contact-center agent as routing sees them: the queues they serve, how many chats they may hold at once, their
 * state, and their load as loaded with them (active chats and pending offers). Being busy is not a state: it follows
 * from their load.
 */
public class Agent {

    public String id;
    public String displayName;
    public int capacity;
    public AgentState state;
    public String idleCode;
    /** When the agent entered their current state; with {@link #lastOfferedAt} it orders the line of agents. */
    public Instant stateSince;
    public Instant lastOfferedAt;
    public Set<String> queueIds = new HashSet<>();
    /** Accepted offers whose slot is not released yet. */
    public int activeChats;
    /** Offers open to the agent. */
    public int pendingOffers;

    /**
     * Since when the agent has been ready for a chat: the later of entering their state and their last offer. The
     * longest-available-agent strategy prefers the smallest value.
     */
    public static Instant readySince(Instant stateSince, Instant lastOfferedAt) {
        return lastOfferedAt != null && lastOfferedAt.isAfter(stateSince) ? lastOfferedAt : stateSince;
    }

    public Instant readySince() {
        return readySince(stateSince, lastOfferedAt);
    }

    /** Capacity: every active chat and every pending offer takes one slot. */
    public int freeSlots() {
        return capacity - activeChats - pendingOffers;
    }

    /** Moves to {@code target}; the caller has checked the move (see {@link AgentStateRules}). */
    public void enter(AgentState target, String newIdleCode, Instant now) {
        if (!AgentStateRules.canTransition(state, target)) {
            throw new IllegalStateException("Agent " + id + " cannot go from " + state + " to " + target);
        }
        state = target;
        idleCode = target == AgentState.IDLE ? newIdleCode : null;
        stateSince = now;
    }
}
