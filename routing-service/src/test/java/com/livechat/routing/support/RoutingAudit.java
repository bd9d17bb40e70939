package com.livechat.routing.support;

import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.RoutingEvent.AgentStateChanged;
import com.livechat.contracts.events.RoutingEvent.ChatAssigned;
import com.livechat.contracts.events.RoutingEvent.ChatOffered;
import com.livechat.contracts.events.RoutingEvent.OfferWithdrawn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks routing's guarantees after a run, twice: from the published events and from the database. Every chat was
 * assigned exactly once, no chat ever had two offers open at once, and no agent ever held more chats (active plus
 * pending offers) than their capacity.
 */
public final class RoutingAudit {

    private RoutingAudit() {
    }

    /** @param events routing events in the order they were read (per conversation and per agent, publish order) */
    public static void checkEvents(List<RoutingEvent> events, Set<String> conversations, Map<String, Integer> capacities) {
        Map<String, String> openOffer = new HashMap<>();
        Map<String, Integer> assignments = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (RoutingEvent event : events) {
            if (event instanceof ChatOffered offer && conversations.contains(offer.conversationId())) {
                String open = openOffer.put(offer.conversationId(), offer.offerId());
                if (open != null) {
                    problems.add("double offer of " + offer.conversationId() + ": " + open + " and " + offer.offerId());
                }
            } else if (event instanceof OfferWithdrawn withdrawn && conversations.contains(withdrawn.conversationId())) {
                close(openOffer, withdrawn.conversationId(), withdrawn.offerId(), problems);
            } else if (event instanceof ChatAssigned assigned && conversations.contains(assigned.conversationId())) {
                close(openOffer, assigned.conversationId(), assigned.offerId(), problems);
                assignments.merge(assigned.conversationId(), 1, Integer::sum);
            } else if (event instanceof AgentStateChanged state && capacities.containsKey(state.agentId())
                    && state.activeChats() > capacities.get(state.agentId())) {
                problems.add("agent " + state.agentId() + " over capacity: " + state.activeChats());
            }
        }
        for (String conversation : conversations) {
            if (assignments.getOrDefault(conversation, 0) != 1) {
                problems.add(conversation + " assigned " + assignments.getOrDefault(conversation, 0) + " times");
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems in the events: "
                + problems.subList(0, Math.min(10, problems.size())));
    }

    private static void close(Map<String, String> openOffer, String conversation, String offerId, List<String> problems) {
        String open = openOffer.get(conversation);
        if (offerId.equals(open)) {
            openOffer.remove(conversation);
        } else {
            problems.add("offer " + offerId + " of " + conversation + " closed but the open one is " + open);
        }
    }

    public static void checkDatabase(Connection connection, Set<String> conversations, Set<String> agents)
            throws SQLException {
        String[] conversationIds = conversations.toArray(String[]::new);
        String[] agentIds = agents.toArray(String[]::new);

        Map<String, Integer> accepted = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("select conversation_id,"
                + " count(*) filter (where status = 'ACCEPTED') from offer where conversation_id = any(?)"
                + " group by conversation_id")) {
            query.setArray(1, connection.createArrayOf("text", conversationIds));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    accepted.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        assertEquals(conversations.size(), accepted.size(), "every chat has offers in the database");
        assertTrue(accepted.values().stream().allMatch(count -> count == 1), "one accepted offer per chat");

        // Two offers of one chat whose open intervals [offered_at, closed_at) overlap.
        assertEquals(0, count(connection, "select count(*) from offer a join offer b"
                + " on a.conversation_id = b.conversation_id and a.id < b.id"
                + " where a.conversation_id = any(?)"
                + " and a.offered_at < coalesce(b.closed_at, 'infinity') and b.offered_at < coalesce(a.closed_at, 'infinity')",
                connection.createArrayOf("text", conversationIds)), "double offers");

        // At the moment each offer was made, the agent's slots held (pending or active, not yet released).
        assertEquals(0, count(connection, "with slot as (select o.id, o.agent_id, o.offered_at as from_at,"
                + " case o.status when 'WITHDRAWN' then o.closed_at when 'ACCEPTED' then coalesce(o.released_at, 'infinity')"
                + " else 'infinity' end as until_at from offer o where o.agent_id = any(?))"
                + " select count(*) from (select s.id from slot s join slot h on h.agent_id = s.agent_id"
                + " and h.from_at <= s.from_at and h.until_at > s.from_at join agent a on a.id = s.agent_id"
                + " group by s.id, a.capacity having count(*) > a.capacity) over_capacity",
                connection.createArrayOf("text", agentIds)), "moments an agent was over capacity");
    }

    private static long count(Connection connection, String sql, java.sql.Array ids) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setArray(1, ids);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
