package com.livechat.routing.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A chat waiting in a queue with no offer open. Its published position lives in the same row but is written only by
 * {@link QueuePositions}, so it is not mapped here.
 */
@Entity
@Table(name = "waiting_chat")
public class WaitingChat extends PanacheEntityBase {

    @Id
    @Column(name = "conversation_id")
    public String conversationId;

    @Column(name = "queue_id", nullable = false)
    public String queueId;

    @Column(name = "customer_name")
    public String customerName;

    @Column(nullable = false)
    public boolean proactive;

    /** When the chat first entered any queue: its place in FIFO order, kept across requeues and transfers. */
    @Column(name = "waiting_since", nullable = false)
    public Instant waitingSince;

    /** When the chat entered its current queue: the queue's maximum time in queue counts from here. */
    @Column(name = "entered_queue_at", nullable = false)
    public Instant enteredQueueAt;

    /** Waiting chats per queue id. Needs a session. */
    public static Uni<Map<String, Long>> countPerQueue() {
        return getSession().chain(session -> session
                .createSelectionQuery("select w.queueId, count(w) from WaitingChat w group by w.queueId", Object[].class)
                .getResultList())
                .map(rows -> {
                    Map<String, Long> counts = new HashMap<>();
                    rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
                    return counts;
                });
    }

    /** The queue's waiting chats in FIFO order. Needs a session. */
    public static Uni<List<WaitingChat>> inQueue(String queueId) {
        return list("queueId = ?1 order by waitingSince, conversationId", queueId);
    }
}
