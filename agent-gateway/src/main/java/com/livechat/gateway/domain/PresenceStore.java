package com.livechat.gateway.domain;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.RoutingEvent.AgentStateChanged;
import com.livechat.platform.validation.Like;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The projection of routing's {@code AgentStateChanged}: each agent's state, load and queues. */
@ApplicationScoped
public class PresenceStore {

    public record Presence(String agentId, String displayName, AgentState state, String idleCode, int activeChats,
            int capacity, List<String> queueIds) {

        public boolean hasFreeCapacity() {
            return activeChats < capacity;
        }

        /** A valid transfer target or conference invitee. */
        public boolean canTakeAChat() {
            return state == AgentState.AVAILABLE && hasFreeCapacity();
        }
    }

    private final Pool pool;

    public PresenceStore(Pool pool) {
        this.pool = pool;
    }

    /** Keeps the newest announcement; an older one (redelivered, or from a slower instance) changes nothing. */
    public Uni<Void> save(SqlClient client, AgentStateChanged event) {
        return client.preparedQuery("""
                        insert into agent_presence (agent_id, display_name, state, idle_code, active_chats, capacity, queue_ids, changed_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8)
                        on conflict (agent_id) do update set display_name = excluded.display_name, state = excluded.state,
                            idle_code = excluded.idle_code, active_chats = excluded.active_chats, capacity = excluded.capacity,
                            queue_ids = excluded.queue_ids, changed_at = excluded.changed_at
                        where agent_presence.changed_at <= excluded.changed_at""")
                .execute(Tuple.from(Arrays.asList(event.agentId(), event.displayName(), event.state().name(),
                        event.idleCode(), event.activeChats(), event.capacity(),
                        event.queueIds() == null ? "" : String.join(",", event.queueIds()),
                        Times.toDb(event.occurredAt()))))
                .replaceWithVoid();
    }

    public Uni<Optional<Presence>> find(String agentId) {
        return pool.preparedQuery("select * from agent_presence where agent_id = $1").execute(Tuple.of(agentId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toPresence(rows.iterator().next())));
    }

    /** AVAILABLE agents with free capacity, except {@code excludedAgentId}, matching {@code search}, by name. */
    public Uni<List<Presence>> availableAgents(String excludedAgentId, String search) {
        String pattern = Like.containsPattern(search);
        return pool.preparedQuery("""
                        select p.* from agent_presence p
                        where p.state = 'AVAILABLE' and p.active_chats < p.capacity and p.agent_id <> $1
                          and (coalesce(p.display_name, '') ilike $2 escape '!' or p.agent_id ilike $2 escape '!')
                          and not exists (select 1 from reference_item r where r.kind = 'AGENT' and r.item_id = p.agent_id and r.deleted)
                        order by lower(coalesce(p.display_name, p.agent_id)), p.agent_id""")
                .execute(Tuple.of(excludedAgentId, pattern))
                .map(rows -> {
                    List<Presence> agents = new ArrayList<>();
                    rows.forEach(row -> agents.add(toPresence(row)));
                    return agents;
                });
    }

    private static Presence toPresence(Row row) {
        String queues = row.getString("queue_ids");
        return new Presence(row.getString("agent_id"), row.getString("display_name"),
                AgentState.valueOf(row.getString("state")), row.getString("idle_code"), row.getInteger("active_chats"),
                row.getInteger("capacity"), queues.isEmpty() ? List.of() : Arrays.asList(queues.split(",")));
    }
}
