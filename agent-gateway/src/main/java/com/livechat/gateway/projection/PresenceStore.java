package com.livechat.gateway.projection;

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
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The projection of routing's {@code AgentStateChanged}: each agent's state, load and queues, read together with
 * whether the agent's profile was deleted (reference data).
 */
@ApplicationScoped
public class PresenceStore {

    /** {@code deleted}: the agent's profile was deleted from the reference data. */
    public record Presence(String agentId, String displayName, AgentState state, String idleCode, int activeChats,
            int capacity, List<String> queueIds, boolean deleted, Instant stateSince) {
    }

    private static final String SELECT = """
            select p.*, exists (select 1 from reference_item r where r.kind = 'AGENT' and r.item_id = p.agent_id
                and r.deleted) as deleted
            from agent_presence p""";

    private final Pool pool;

    public PresenceStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Keeps the newest announcement; an older one (redelivered, or from a slower instance) changes nothing.
     * {@code state_since} moves only when the state or the idle code changes, not on a load change.
     */
    public Uni<Void> save(SqlClient client, AgentStateChanged event) {
        return client.preparedQuery("""
                        insert into agent_presence (agent_id, display_name, state, idle_code, active_chats, capacity, queue_ids, changed_at, state_since)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $8)
                        on conflict (agent_id) do update set display_name = excluded.display_name, state = excluded.state,
                            idle_code = excluded.idle_code, active_chats = excluded.active_chats, capacity = excluded.capacity,
                            queue_ids = excluded.queue_ids, changed_at = excluded.changed_at,
                            state_since = case when agent_presence.state = excluded.state
                                and agent_presence.idle_code is not distinct from excluded.idle_code
                                then coalesce(agent_presence.state_since, excluded.changed_at) else excluded.changed_at end
                        where agent_presence.changed_at <= excluded.changed_at""")
                .execute(Tuple.from(Arrays.asList(event.agentId(), event.displayName(), event.state().name(),
                        event.idleCode(), event.activeChats(), event.capacity(),
                        event.queueIds() == null ? "" : String.join(",", event.queueIds()),
                        Times.toDb(event.occurredAt()))))
                .replaceWithVoid();
    }

    public Uni<Optional<Presence>> find(String agentId) {
        return pool.preparedQuery(SELECT + " where p.agent_id = $1").execute(Tuple.of(agentId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toPresence(rows.iterator().next())));
    }

    /**
     * Every agent whose id or name contains {@code search} (any case), by name: the candidates of the transfer-targets
     * list, which {@code command.Colleagues} narrows to those who may take a chat.
     */
    public Uni<List<Presence>> matching(String search) {
        return pool.preparedQuery(SELECT + """

                        where coalesce(p.display_name, '') ilike $1 escape '!' or p.agent_id ilike $1 escape '!'
                        order by lower(coalesce(p.display_name, p.agent_id)), p.agent_id""")
                .execute(Tuple.of(Like.containsPattern(search)))
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
                row.getInteger("capacity"), queues.isEmpty() ? List.of() : Arrays.asList(queues.split(",")),
                row.getBoolean("deleted"), Times.fromDb(row.getOffsetDateTime("state_since")));
    }
}
