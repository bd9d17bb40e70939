package com.livechat.conversation.api;

import com.livechat.conversation.domain.Conversation;
import com.livechat.conversation.domain.Participation;
import com.livechat.conversation.domain.WrapUp;
import com.livechat.conversation.persistence.ConversationHistory;
import com.livechat.conversation.persistence.ConversationHistory.AgentConversation;
import com.livechat.platform.validation.PlainText;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An agent's interaction history: the conversations they joined, newest first (masked). */
@Path("/agents/{agentId}/history")
@RolesAllowed({"supervisor", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class AgentHistoryResource {

    private final Mutiny.SessionFactory sessionFactory;
    private final ConversationHistory history;

    public AgentHistoryResource(Mutiny.SessionFactory sessionFactory, ConversationHistory history) {
        this.sessionFactory = sessionFactory;
        this.history = history;
    }

    @GET
    public Uni<Views.Page<Views.AgentHistoryItem>> history(@PathParam("agentId") @PlainText String agentId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(ConversationResource.MAX_PAGE_SIZE) int size) {
        return sessionFactory.withSession(session -> history.agentConversationCount(session, agentId)
                .chain(total -> history.agentConversations(session, agentId, page, size)
                        .chain(rows -> {
                            List<Long> ids = rows.stream().map(row -> row.participation().id()).toList();
                            return history.wrapUpsOf(session, ids).map(wrapUps -> Views.Page.of(
                                    items(rows, wrapUps), page, size, total));
                        })));
    }

    private static List<Views.AgentHistoryItem> items(List<AgentConversation> rows, List<WrapUp> wrapUps) {
        Map<Long, WrapUp> wrapUpByParticipation = wrapUps.stream()
                .collect(Collectors.toMap(WrapUp::participationId, Function.identity()));
        return rows.stream().map(row -> {
            Participation participation = row.participation();
            Conversation conversation = row.conversation();
            WrapUp wrapUp = wrapUpByParticipation.get(participation.id());
            return new Views.AgentHistoryItem(conversation.id(), conversation.customerName(),
                    conversation.customerEmail(), conversation.customerPhone(), conversation.queueName(),
                    conversation.proactive(), conversation.state(), participation.state(), conversation.startedAt(),
                    participation.joinedAt(), participation.leftAt(), wrapUp == null ? null : wrapUp.reasonCode(),
                    wrapUp == null ? null : wrapUp.reasonLabel());
        }).toList();
    }
}
