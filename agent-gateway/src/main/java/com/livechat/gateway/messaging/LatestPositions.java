package com.livechat.gateway.messaging;

import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.RoutingEvent.QueuePositionChanged;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The queue positions of a poll of routing events, the newest per conversation. A long queue shifts as a whole
 * (routing publishes every waiting chat's new position in one round, twice a second), so a poll often holds several
 * positions of one chat: only the last one is still true, and only it is projected and pushed. Positions touch
 * nothing else of the projection, so projecting them together after the poll's other events changes no outcome.
 */
final class LatestPositions {

    private final Map<String, QueuePositionChanged> byConversation = new LinkedHashMap<>();

    private LatestPositions() {
    }

    static LatestPositions of(List<RoutingEvent> events) {
        LatestPositions latest = new LatestPositions();
        for (RoutingEvent event : events) {
            if (event instanceof QueuePositionChanged position) {
                // remove first: the map's order is that of each conversation's last position.
                latest.byConversation.remove(position.conversationId());
                latest.byConversation.put(position.conversationId(), position);
            }
        }
        return latest;
    }

    /** The newest position of each conversation, in the order of the poll. */
    Collection<QueuePositionChanged> newest() {
        return byConversation.values();
    }

    /** Whether {@code event} is a position that a later one of the same conversation in the poll replaces. */
    boolean superseded(RoutingEvent event) {
        return event instanceof QueuePositionChanged position
                && byConversation.get(position.conversationId()) != position;
    }
}
