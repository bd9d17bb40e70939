package com.livechat.conversation.domain;

import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.SenderType;
import com.livechat.contracts.events.Topics;
import com.livechat.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads and saves conversations inside the caller's transaction. Every writer locks the conversation row first
 * ({@code select ... for update}), so changes to one conversation are serialised across consumers and instances and
 * its {@code seq} never forks.
 */
@ApplicationScoped
public class ConversationStore {

    /** The conversation, locked, with its participations; null when there is no such conversation. */
    public Uni<ConversationTimeline> lock(Mutiny.Session session, String conversationId, Instant now) {
        return session.find(Conversation.class, conversationId, LockMode.PESSIMISTIC_WRITE)
                .chain(conversation -> conversation == null ? Uni.createFrom().nullItem()
                        : participations(session, conversationId)
                                .map(participations -> new ConversationTimeline(conversation, participations, now)));
    }

    /** Conversations on {@code queueId} that an interruption can still reach, locked in id order. */
    public Uni<List<Conversation>> lockInterruptible(Mutiny.Session session, String queueId) {
        return session.createSelectionQuery(
                        "from Conversation where queueId = :queueId and state in :states order by id", Conversation.class)
                .setParameter("queueId", queueId)
                .setParameter("states", List.of(ConversationState.QUEUED, ConversationState.OFFERED,
                        ConversationState.CONNECTED))
                .setLockMode(LockMode.PESSIMISTIC_WRITE)
                .getResultList();
    }

    public Uni<List<Participation>> participations(Mutiny.Session session, String conversationId) {
        return session.createSelectionQuery("from Participation where conversationId = :id order by id",
                        Participation.class)
                .setParameter("id", conversationId)
                .getResultList();
    }

    public Uni<Boolean> exists(Mutiny.Session session, String conversationId) {
        return session.find(Conversation.class, conversationId).map(conversation -> conversation != null);
    }

    /**
     * Whether this sender already posted a message with this client id (a resend); the same key as the unique index
     * of {@code chat_message}: another sender may use the same id. {@code senderId} is null for the customer.
     */
    public Uni<Boolean> messageExists(Mutiny.Session session, String conversationId, SenderType senderType,
            String senderId, String messageId) {
        return session.createSelectionQuery("select count(*) from ChatMessage where conversationId = :id "
                                + "and senderType = :senderType and coalesce(senderId, '') = :senderId "
                                + "and messageId = :messageId", Long.class)
                .setParameter("id", conversationId)
                .setParameter("senderType", senderType)
                .setParameter("senderId", senderId == null ? "" : senderId)
                .setParameter("messageId", messageId)
                .getSingleResult()
                .map(count -> count > 0);
    }

    public Uni<Map<String, String>> cadVariables(Mutiny.Session session, String conversationId) {
        return session.createSelectionQuery("from CadVariable where conversationId = :id order by id",
                        CadVariable.class)
                .setParameter("id", conversationId)
                .getResultList()
                .map(variables -> {
                    Map<String, String> cad = new LinkedHashMap<>();
                    variables.forEach(variable -> cad.put(variable.name(), variable.value()));
                    return cad;
                });
    }

    /** Persists what the unit of work created and writes its events to the outbox, in seq order. */
    public Uni<Void> save(Mutiny.Session session, ConversationTimeline timeline) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Object row : timeline.newRows()) {
            chain = chain.chain(() -> session.persist(row));
        }
        // Flushed before the outbox rows so that a constraint violation fails the unit before anything is queued.
        chain = chain.chain(session::flush);
        for (ConversationEvent event : timeline.events()) {
            chain = chain.chain(() -> Outbox.append(session, Topics.CONVERSATION_EVENTS, event));
        }
        return chain;
    }
}
