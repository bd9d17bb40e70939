package com.livechat.shared.outbox;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows to Kafka in insertion order and deletes them once the broker acknowledged them.
 *
 * <p>A transaction-scoped advisory lock makes one relay at a time publish, even with several instances of a service,
 * so rows leave in id order. A relay that dies after sending but before deleting makes the next one send those rows
 * again: delivery is at-least-once and consumers drop duplicates by event id.
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
        publishBatch().subscribe().with(published -> finishRound(published == batchSize), failure -> {
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

    /** Publishes up to one batch; returns how many rows left the outbox. */
    public Uni<Integer> publishBatch() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select pg_advisory_xact_lock($1)").execute(Tuple.of(lockKey))
                .chain(() -> connection
                        .preparedQuery("select id, topic, record_key, payload from outbox order by id limit $1")
                        .execute(Tuple.of(batchSize)))
                .chain(rows -> {
                    List<Row> pending = new ArrayList<>();
                    rows.forEach(pending::add);
                    if (pending.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return send(pending).chain(() -> delete(connection, pending)).replaceWith(pending.size());
                }));
    }

    private Uni<Void> send(List<Row> rows) {
        // Handed to the producer in id order without waiting in between: the idempotent producer keeps that order.
        List<Uni<Void>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Message<String> message = Message.of(row.getString("payload"))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                            .withTopic(row.getString("topic"))
                            .withKey(row.getString("record_key"))
                            .build());
            acks.add(emitter.sendMessage(message));
        }
        return Uni.join().all(acks).andFailFast().replaceWithVoid();
    }

    private Uni<Void> delete(SqlConnection connection, List<Row> rows) {
        Long[] ids = rows.stream().map(row -> row.getLong("id")).toArray(Long[]::new);
        return connection.preparedQuery("delete from outbox where id = any($1)").execute(Tuple.of(ids))
                .replaceWithVoid();
    }
}
