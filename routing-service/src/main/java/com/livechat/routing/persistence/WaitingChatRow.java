package com.livechat.routing.persistence;

import com.livechat.platform.persistence.NativeSelects;
import com.livechat.routing.domain.WaitingChat;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored {@link WaitingChat}. Its published position lives in the same row but is written only by
 * {@link QueuePositions}, so it is not mapped here.
 */
@Entity(name = "WaitingChat")
@Table(name = "waiting_chat")
public class WaitingChatRow extends PanacheEntityBase {

    @Id
    @Column(name = "conversation_id")
    public String conversationId;

    @Column(name = "queue_id", nullable = false)
    public String queueId;

    @Column(name = "customer_name")
    public String customerName;

    @Column(nullable = false)
    public boolean proactive;

    @Column(name = "left_message", nullable = false)
    public boolean leftMessage;

    @Column(name = "waiting_since", nullable = false)
    public Instant waitingSince;

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

    /**
     * The queue's live chats: those waiting in it, and those offered or assigned from it whose agent is not yet in
     * wrap-up. What deleting the queue interrupts (the confirmation of the admin console states it). Needs a session.
     */
    public static Uni<Long> liveChatsOf(String queueId) {
        return getSession().chain(session -> NativeSelects.bindOne(session.createNativeQuery("""
                select count(*) from (
                    select conversation_id from waiting_chat where queue_id = :queue
                    union
                    select conversation_id from offer where queue_id = :queue
                        and (status = 'PENDING' or (status = 'ACCEPTED' and released_at is null))
                ) live""", Long.class), "queue", queueId).getSingleResult())
                .map(Number::longValue);
    }

    /** The queue's waiting chats in FIFO order. Needs a session. */
    public static Uni<List<WaitingChatRow>> inQueue(String queueId) {
        return list("queueId = ?1 order by waitingSince, conversationId", queueId);
    }

    WaitingChat toWaitingChat() {
        WaitingChat chat = new WaitingChat();
        chat.conversationId = conversationId;
        chat.queueId = queueId;
        chat.customerName = customerName;
        chat.proactive = proactive;
        chat.leftMessage = leftMessage;
        chat.waitingSince = waitingSince;
        chat.enteredQueueAt = enteredQueueAt;
        return chat;
    }

    void copy(WaitingChat chat) {
        conversationId = chat.conversationId;
        queueId = chat.queueId;
        customerName = chat.customerName;
        proactive = chat.proactive;
        leftMessage = chat.leftMessage;
        waitingSince = chat.waitingSince;
        enteredQueueAt = chat.enteredQueueAt;
    }
}
