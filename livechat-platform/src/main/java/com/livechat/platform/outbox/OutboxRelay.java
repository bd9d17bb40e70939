package com.livechat.platform.outbox;

import com.livechat.platform.failure.Causes;
import com.livechat.platform.tracing.TraceContexts;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows to Kafka in insertion order and deletes them once the broker acknowledged them.
 *
 * <p>A transaction-scoped advisory lock makes one relay at a time publish, even with several instances of a service,
 * so rows leave in id order. A relay that dies after sending but before deleting makes the next one send those rows
 * again: delivery is at-least-once and consumers drop duplicates by event id.
 *
 * <p>A round hands a batch to the producer at once and waits for every acknowledgement. Only the acknowledged rows
 * before the first failed one leave the outbox; the failed row and everything after it stay, and the following
 * rounds send the head row alone until it goes through, so a later row is never sent again ahead of it (the rows
 * after it that the broker already took arrive again as duplicates). A row the broker can never take (too large,
 * invalid topic) is moved to {@code outbox_unpublishable} and logged at ERROR, rather than blocking every event
 * behind it forever; it stays there for an operator to fix and re-insert.
 */
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final long lockKey;
    private final int batchSize;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile boolean stopped;
    /** The last round stopped at a failed row: send the head row alone until it is acknowledged. */
    private volatile boolean oneByOne;
    private Vertx vertx;
    private long timerId;

    /**
     * @param lockKey advisory lock key, distinct from any other lock the service takes
     * @param emitter channel whose connector is Kafka with a String value serializer; topic and key come per row.
     *                A whole batch is handed to it at once, so its buffer ({@code @OnOverflow}) must hold
     *                {@code batchSize} messages
     */
    public OutboxRelay(Pool pool, MutinyEmitter<String> emitter, long lockKey, int batchSize) {
        this.pool = pool;
        this.emitter = emitter;
        this.lockKey = lockKey;
        this.batchSize = batchSize;
    }

    /** Polls at {@code interval} as a safety net; {@link #wakeUp()} after each commit keeps latency low. */
    public void start(Vertx vertx, Duration interval) {
        this.vertx = vertx;
        timerId = vertx.setPeriodic(interval.toMillis(), id -> wakeUp());
    }

    public void stop() {
        stopped = true;
        if (vertx != null) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Asks for a publishing round; rounds never overlap, and a request during a round triggers another one. */
    public void wakeUp() {
        wanted.set(true);
        if (stopped || !running.compareAndSet(false, true)) {
            return;
        }
        wanted.set(false);
        int limit = roundSize();
        publishRound(limit).subscribe().with(published -> finishRound(published == limit), failure -> {
            LOG.warnf("Outbox publishing failed, will retry: %s", failure.getMessage());
            finishRound(false);
        });
    }

    private void finishRound(boolean moreWaiting) {
        running.set(false);
        if (moreWaiting || wanted.get()) {
            wakeUp();
        }
    }

    private int roundSize() {
        return oneByOne ? 1 : batchSize;
    }

    private Uni<Integer> publishRound(int limit) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select pg_advisory_xact_lock($1)").execute(Tuple.of(lockKey))
                .chain(() -> connection
                        .preparedQuery("select id, topic, record_key, payload, traceparent from outbox order by id limit $1")
                        .execute(Tuple.of(limit)))
                .chain(rows -> {
                    List<Row> pending = new ArrayList<>();
                    rows.forEach(pending::add);
                    if (pending.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return send(pending).chain(outcomes -> {
                        Settled settled = settled(pending, outcomes);
                        return setAside(connection, settled.unpublishable())
                                .chain(() -> delete(connection, settled.ids())).replaceWith(settled.ids().size());
                    });
                }));
    }

    /** Sends every row and reports each one's outcome (empty: acknowledged), in row order. */
    private Uni<List<Optional<Throwable>>> send(List<Row> rows) {
        // Handed to the producer in id order without waiting in between: the idempotent producer keeps that order.
        List<Uni<Optional<Throwable>>> outcomes = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Message<String> message = Message.of(row.getString("payload"))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                            .withTopic(row.getString("topic"))
                            .withKey(row.getString("record_key"))
                            .build());
            String traceparent = row.getString("traceparent");
            if (traceparent != null) {
                // The publish continues the trace of the decision that wrote the row, not the relay's round.
                message = message.addMetadata(TracingMetadata.withCurrent(TraceContexts.parent(traceparent)));
            }
            outcomes.add(emitter.sendMessage(message).map(ignored -> Optional.<Throwable>empty())
                    .onFailure().recoverWithItem(Optional::of));
        }
        return Uni.join().all(outcomes).andFailFast();
    }

    /**
     * What a round settles: the ids of the rows that leave the outbox, and among them those the broker can never take
     * (id → why), which are set aside.
     */
    private record Settled(List<Long> ids, Map<Long, String> unpublishable) {
    }

    /** The rows that may leave the outbox: those before the first row that must be sent again. */
    private Settled settled(List<Row> rows, List<Optional<Throwable>> outcomes) {
        Settled settled = new Settled(new ArrayList<>(rows.size()), new LinkedHashMap<>());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Optional<Throwable> failure = outcomes.get(i);
            if (failure.isPresent() && !isUnpublishable(failure.get())) {
                LOG.warnf("Outbox row %d (%s, key %s) was not published, will send it again, alone, before any later "
                        + "row: %s", row.getLong("id"), row.getString("topic"), row.getString("record_key"),
                        failure.get().toString());
                oneByOne = true;
                return settled;
            }
            if (failure.isPresent()) {
                LOG.errorf(failure.get(), "Outbox row %d (%s, key %s, %d characters) can never be published: it is "
                        + "moved to outbox_unpublishable so it does not block the rows after it", row.getLong("id"),
                        row.getString("topic"), row.getString("record_key"), row.getString("payload").length());
                settled.unpublishable().put(row.getLong("id"), failure.get().toString());
            }
            settled.ids().add(row.getLong("id"));
        }
        oneByOne = false;
        return settled;
    }

    /** Refusals of the record itself, which the broker or producer will repeat however often it is sent. */
    private static boolean isUnpublishable(Throwable failure) {
        return Causes.first(failure, cause -> cause instanceof RecordTooLargeException
                || cause instanceof RecordBatchTooLargeException || cause instanceof InvalidTopicException
                || cause instanceof SerializationException ? cause : null).isPresent();
    }

    /** Copies the rows to {@code outbox_unpublishable} (with why), in the transaction that deletes them. */
    private Uni<Void> setAside(SqlConnection connection, Map<Long, String> failures) {
        if (failures.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = failures.entrySet().stream().map(entry -> Tuple.of(entry.getKey(), entry.getValue())).toList();
        return connection.preparedQuery("insert into outbox_unpublishable (id, topic, record_key, payload, created_at,"
                        + " failure) select id, topic, record_key, payload, created_at, $2 from outbox where id = $1")
                .executeBatch(batch).replaceWithVoid();
    }

    private Uni<Void> delete(SqlConnection connection, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("delete from outbox where id = any($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .replaceWithVoid();
    }
}
