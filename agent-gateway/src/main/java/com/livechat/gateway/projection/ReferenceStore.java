package com.livechat.gateway.projection;

import com.livechat.contracts.events.ReferenceData;
import com.livechat.contracts.json.EventJson;
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

/** The projection of {@code livechat.reference-data}: the latest version of every admin-defined item. */
@ApplicationScoped
public class ReferenceStore {

    /** What kind of item a row holds. */
    public enum Kind {
        QUEUE, AGENT, IDLE_CODE, WRAP_UP_REASON, TEMPLATE
    }

    /** One item: {@code name} is a queue's or template's name, an agent's display name, a code's label. */
    public record Item(Kind kind, String id, String name, String body) {
    }

    private final Pool pool;

    public ReferenceStore(Pool pool) {
        this.pool = pool;
    }

    /** Stores the latest version; the topic is compacted and read in order, so the last write wins. */
    public Uni<Void> save(SqlClient client, ReferenceData data) {
        Item item = toItem(data);
        return client.preparedQuery("""
                        insert into reference_item (kind, item_id, name, body, payload, deleted) values ($1, $2, $3, $4, $5, $6)
                        on conflict (kind, item_id) do update set name = excluded.name, body = excluded.body,
                            payload = excluded.payload, deleted = excluded.deleted""")
                .execute(Tuple.from(Arrays.asList(item.kind().name(), item.id(), item.name() == null ? item.id() : item.name(),
                        item.body() == null ? "" : item.body(), EventJson.write(data), data.deleted())))
                .replaceWithVoid();
    }

    /** Marks a queue deleted (routing's {@code QueueDeleted} may arrive before the reference-data tombstone). */
    public Uni<Void> markQueueDeleted(SqlClient client, String queueId, String queueName) {
        return client.preparedQuery("""
                        insert into reference_item (kind, item_id, name, body, payload, deleted) values ('QUEUE', $1, $2, '', '{}', true)
                        on conflict (kind, item_id) do update set deleted = true""")
                .execute(Tuple.of(queueId, queueName == null ? queueId : queueName)).replaceWithVoid();
    }

    /** The item if it exists and is not deleted. */
    public Uni<Optional<Item>> find(Kind kind, String id) {
        return pool.preparedQuery("select kind, item_id, name, body from reference_item where kind = $1 and item_id = $2 and not deleted")
                .execute(Tuple.of(kind.name(), id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toItem(rows.iterator().next())));
    }

    /** A queue that exists, as routing last published it (with its business hours, null when always open). */
    public Uni<Optional<ReferenceData.QueueInfo>> findQueue(String id) {
        return pool.preparedQuery("select payload from reference_item where kind = 'QUEUE' and item_id = $1 and not deleted")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(rows.iterator().next().getString("payload"))
                                .map(payload -> EventJson.read(payload, ReferenceData.class))
                                .filter(ReferenceData.QueueInfo.class::isInstance)
                                .map(ReferenceData.QueueInfo.class::cast));
    }

    /** Items that are not deleted, whose id or name contains {@code search} (any case), ordered by name. */
    public Uni<List<Item>> list(Kind kind, String search) {
        String pattern = Like.containsPattern(search);
        return pool.preparedQuery("""
                        select kind, item_id, name, body from reference_item
                        where kind = $1 and not deleted and (name ilike $2 escape '!' or item_id ilike $2 escape '!')
                        order by lower(name), item_id""")
                .execute(Tuple.of(kind.name(), pattern))
                .map(rows -> {
                    List<Item> items = new ArrayList<>();
                    rows.forEach(row -> items.add(toItem(row)));
                    return items;
                });
    }

    private static Item toItem(Row row) {
        return new Item(Kind.valueOf(row.getString("kind")), row.getString("item_id"), row.getString("name"),
                row.getString("body"));
    }

    private static Item toItem(ReferenceData data) {
        if (data instanceof ReferenceData.QueueInfo q) {
            return new Item(Kind.QUEUE, q.id(), q.name(), null);
        } else if (data instanceof ReferenceData.AgentProfile a) {
            return new Item(Kind.AGENT, a.id(), a.displayName(), null);
        } else if (data instanceof ReferenceData.IdleCodeInfo i) {
            return new Item(Kind.IDLE_CODE, i.code(), i.label(), null);
        } else if (data instanceof ReferenceData.WrapUpReasonInfo w) {
            return new Item(Kind.WRAP_UP_REASON, w.code(), w.label(), null);
        } else if (data instanceof ReferenceData.MessageTemplateInfo t) {
            return new Item(Kind.TEMPLATE, t.id(), t.name(), t.body());
        }
        throw new IllegalArgumentException("Unknown reference data " + data.getClass().getSimpleName());
    }
}
