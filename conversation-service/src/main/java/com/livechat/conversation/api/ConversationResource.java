package com.livechat.conversation.api;

import com.livechat.conversation.domain.ChatMessage;
import com.livechat.conversation.domain.Conversation;
import com.livechat.conversation.domain.Participation;
import com.livechat.conversation.domain.Survey;
import com.livechat.conversation.domain.WrapUp;
import com.livechat.conversation.persistence.ConversationHistory;
import com.livechat.conversation.persistence.ConversationStore;
import com.livechat.platform.problem.ApiException;
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

/** A conversation's record and transcript (masked text only). */
@Path("/conversations")
@RolesAllowed({"supervisor", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {

    static final int MAX_PAGE_SIZE = 200;

    private final Mutiny.SessionFactory sessionFactory;
    private final ConversationStore store;
    private final ConversationHistory history;

    public ConversationResource(Mutiny.SessionFactory sessionFactory, ConversationStore store,
            ConversationHistory history) {
        this.sessionFactory = sessionFactory;
        this.store = store;
        this.history = history;
    }

    /** State, queue, customer, CAD variables and every agent's participation with their wrap-up. */
    @GET
    @Path("/{id}")
    public Uni<Views.ConversationView> get(@PathParam("id") @PlainText String id) {
        return sessionFactory.withSession(session -> store.find(session, id).chain(conversation -> {
            if (conversation == null) {
                throw ApiException.notFound("There is no conversation " + id + ".");
            }
            return store.cadVariables(session, id).chain(cad -> store.participations(session, id)
                    .chain(participations -> history.wrapUps(session, id)
                            .chain(wrapUps -> store.survey(session, id)
                                    .map(survey -> view(conversation, cad, participations, wrapUps, survey)))));
        }));
    }

    /** The transcript in seq order, paginated (page is 0-based). */
    @GET
    @Path("/{id}/transcript")
    public Uni<Views.Page<Views.MessageView>> transcript(@PathParam("id") @PlainText String id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return sessionFactory.withSession(session -> store.exists(session, id).chain(exists -> {
            if (!exists) {
                throw ApiException.notFound("There is no conversation " + id + ".");
            }
            return history.transcriptLength(session, id).chain(total -> history.transcript(session, id, page, size)
                    .map(messages -> Views.Page.of(messages.stream().map(ConversationResource::view).toList(), page,
                            size, total)));
        }));
    }

    private static Views.ConversationView view(Conversation conversation, Map<String, String> cad,
            List<Participation> participations, List<WrapUp> wrapUps, Survey survey) {
        Map<Long, WrapUp> wrapUpByParticipation = wrapUps.stream()
                .collect(Collectors.toMap(WrapUp::participationId, Function.identity()));
        return new Views.ConversationView(conversation.id(), conversation.state(), conversation.queueId(),
                conversation.queueName(), new Views.CustomerView(conversation.customerName(),
                        conversation.customerEmail(), conversation.customerPhone()),
                conversation.proactive(), cad, conversation.waitingSince(), conversation.startedAt(),
                conversation.endedAt(), conversation.closedAt(), conversation.lastSeq(),
                participations.stream().map(p -> view(p, wrapUpByParticipation.get(p.id()))).toList(),
                survey == null ? null : new Views.SurveyView(survey.rating(), survey.comment(), survey.submittedAt()));
    }

    static Views.ParticipationView view(Participation participation, WrapUp wrapUp) {
        return new Views.ParticipationView(participation.agentId(), participation.agentName(), participation.kind(),
                participation.state(), participation.offeredAt(), participation.joinedAt(), participation.leftAt(),
                wrapUp == null ? null : new Views.WrapUpView(wrapUp.reasonCode(), wrapUp.reasonLabel(), wrapUp.note(),
                        wrapUp.recordedAt()));
    }

    private static Views.MessageView view(ChatMessage message) {
        return new Views.MessageView(message.seq(), message.messageId(), message.senderType(), message.senderId(),
                message.senderName(), message.audience(), message.text(), message.postedAt());
    }
}
