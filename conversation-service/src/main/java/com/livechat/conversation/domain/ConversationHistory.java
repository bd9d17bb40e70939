package com.livechat.conversation.domain;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/** Read-only queries behind the history API: conversations, transcripts, an agent's past conversations. */
@ApplicationScoped
public class ConversationHistory {

    public Uni<List<ChatMessage>> transcript(Mutiny.Session session, String conversationId, int page, int size) {
        if (beyondAnyRow(page, size)) {
            return Uni.createFrom().item(List.of());
        }
        return session.createSelectionQuery("from ChatMessage where conversationId = :id order by seq",
                        ChatMessage.class)
                .setParameter("id", conversationId)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
    }

    public Uni<Long> transcriptLength(Mutiny.Session session, String conversationId) {
        return session.createSelectionQuery("select count(*) from ChatMessage where conversationId = :id", Long.class)
                .setParameter("id", conversationId)
                .getSingleResult();
    }

    public Uni<List<WrapUp>> wrapUps(Mutiny.Session session, String conversationId) {
        return session.createSelectionQuery("from WrapUp where conversationId = :id order by id", WrapUp.class)
                .setParameter("id", conversationId)
                .getResultList();
    }

    /** The agent's participations that got as far as joining the chat, newest first, with their conversation. */
    public Uni<List<Object[]>> agentConversations(Mutiny.Session session, String agentId, int page, int size) {
        if (beyondAnyRow(page, size)) {
            return Uni.createFrom().item(List.of());
        }
        return session.createSelectionQuery("select p, c from Participation p join Conversation c on c.id = p.conversationId "
                        + "where p.agentId = :agentId and p.joinedAt is not null order by p.joinedAt desc, p.id desc",
                        Object[].class)
                .setParameter("agentId", agentId)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
    }

    public Uni<Long> agentConversationCount(Mutiny.Session session, String agentId) {
        return session.createSelectionQuery(
                        "select count(*) from Participation p where p.agentId = :agentId and p.joinedAt is not null",
                        Long.class)
                .setParameter("agentId", agentId)
                .getSingleResult();
    }

    public Uni<List<WrapUp>> wrapUpsOf(Mutiny.Session session, List<Long> participationIds) {
        if (participationIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session.createSelectionQuery("from WrapUp where participationId in :ids", WrapUp.class)
                .setParameter("ids", participationIds)
                .getResultList();
    }

    /** A first row past {@code Integer.MAX_VALUE} (where the int offset would overflow) exists in no page. */
    private static boolean beyondAnyRow(int page, int size) {
        return (long) page * size > Integer.MAX_VALUE;
    }
}
