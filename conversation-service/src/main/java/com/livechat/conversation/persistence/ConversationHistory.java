package com.livechat.conversation.persistence;

import com.livechat.conversation.domain.ChatMessage;
import com.livechat.conversation.domain.Conversation;
import com.livechat.conversation.domain.Participation;
import com.livechat.conversation.domain.WrapUp;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/** Read-only queries behind the history API: conversations, transcripts, an agent's past conversations. */
@ApplicationScoped
public class ConversationHistory {

    /** One of an agent's participations with its conversation. */
    public record AgentConversation(Participation participation, Conversation conversation) {
    }

    public Uni<List<ChatMessage>> transcript(Mutiny.Session session, String conversationId, int page, int size) {
        if (beyondAnyRow(page, size)) {
            return Uni.createFrom().item(List.of());
        }
        return session.createSelectionQuery("from ChatMessage where conversationId = :id order by seq",
                        ChatMessageRow.class)
                .setParameter("id", conversationId)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList()
                .map(rows -> rows.stream().map(ChatMessageRow::toMessage).toList());
    }

    public Uni<Long> transcriptLength(Mutiny.Session session, String conversationId) {
        return session.createSelectionQuery("select count(*) from ChatMessage where conversationId = :id", Long.class)
                .setParameter("id", conversationId)
                .getSingleResult();
    }

    public Uni<List<WrapUp>> wrapUps(Mutiny.Session session, String conversationId) {
        return session.createSelectionQuery("from WrapUp where conversationId = :id order by id", WrapUpRow.class)
                .setParameter("id", conversationId)
                .getResultList()
                .map(ConversationHistory::wrapUps);
    }

    /** The agent's participations that got as far as joining the chat, newest first, with their conversation. */
    public Uni<List<AgentConversation>> agentConversations(Mutiny.Session session, String agentId, int page,
            int size) {
        if (beyondAnyRow(page, size)) {
            return Uni.createFrom().item(List.of());
        }
        return session.createSelectionQuery("select p, c from Participation p join Conversation c on c.id = p.conversationId "
                        + "where p.agentId = :agentId and p.joinedAt is not null order by p.joinedAt desc, p.id desc",
                        Object[].class)
                .setParameter("agentId", agentId)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList()
                .map(rows -> rows.stream().map(row -> new AgentConversation(
                        ((ParticipationRow) row[0]).toParticipation(), ((ConversationRow) row[1]).toConversation()))
                        .toList());
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
        return session.createSelectionQuery("from WrapUp where participationId in :ids", WrapUpRow.class)
                .setParameter("ids", participationIds)
                .getResultList()
                .map(ConversationHistory::wrapUps);
    }

    /** A first row past {@code Integer.MAX_VALUE} (where the int offset would overflow) exists in no page. */
    private static boolean beyondAnyRow(int page, int size) {
        return (long) page * size > Integer.MAX_VALUE;
    }

    private static List<WrapUp> wrapUps(List<WrapUpRow> rows) {
        return rows.stream().map(WrapUpRow::toWrapUp).toList();
    }
}
