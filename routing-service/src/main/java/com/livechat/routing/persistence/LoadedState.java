package com.livechat.routing.persistence;

import com.livechat.routing.domain.Offer;
import com.livechat.routing.domain.RoutingState;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** What one decision step loaded ({@link RoutingStore}): the core's state and the rows it was made from. */
final class LoadedState {

    final RoutingState state;
    final Map<String, AgentRow> agents = new HashMap<>();
    final Map<String, OfferRow> offers = new HashMap<>();
    final Map<String, WaitingChatRow> waiting = new HashMap<>();
    final Map<String, QueueRow> queues = new HashMap<>();
    final Map<String, IdleCodeRow> idleCodes = new HashMap<>();

    LoadedState(RoutingState state) {
        this.state = state;
    }

    /**
     * Writes back what the core decided: the loaded rows take their object's new values (rows whose object is gone
     * are deleted), then the new objects are inserted. Updates and deletes are flushed before the inserts because
     * Hibernate would run inserts first, and a new pending offer of a chat must follow the withdrawal of the old one
     * (one pending offer per chat).
     */
    Uni<Void> save(Mutiny.Session session) {
        Map<String, Offer> decided = state.offers().stream().collect(Collectors.toMap(offer -> offer.id,
                Function.identity(), (first, second) -> first, LinkedHashMap::new));
        List<Object> removed = new ArrayList<>();
        List<Object> created = new ArrayList<>();
        writeBack(offers, decided, OfferRow::new, OfferRow::copy, removed, created);
        writeBack(agents, state.agentsById(), AgentRow::new, AgentRow::copy, removed, created);
        writeBack(waiting, state.waitingById(), WaitingChatRow::new, WaitingChatRow::copy, removed, created);
        writeBack(queues, state.queuesById(), QueueRow::new, QueueRow::copy, removed, created);
        writeBack(idleCodes, state.idleCodesById(), IdleCodeRow::new, IdleCodeRow::copy, removed, created);
        Uni<Void> deleted = removed.isEmpty() ? Uni.createFrom().voidItem() : session.removeAll(removed.toArray());
        return deleted.chain(session::flush)
                .chain(() -> created.isEmpty() ? Uni.createFrom().voidItem() : session.persistAll(created.toArray()))
                .chain(session::flush);
    }

    /** Rows whose object is gone go to {@code removed}, objects without a row to {@code created} as new rows. */
    private static <R, T> void writeBack(Map<String, R> rows, Map<String, T> objects, Supplier<R> newRow,
            BiConsumer<R, T> copy, List<Object> removed, List<Object> created) {
        rows.forEach((id, row) -> {
            T object = objects.get(id);
            if (object == null) {
                removed.add(row);
            } else {
                copy.accept(row, object);
            }
        });
        objects.forEach((id, object) -> {
            if (!rows.containsKey(id)) {
                R row = newRow.get();
                copy.accept(row, object);
                created.add(row);
            }
        });
    }
}
