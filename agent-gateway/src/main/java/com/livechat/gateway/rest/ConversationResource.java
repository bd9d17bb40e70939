package com.livechat.gateway.rest;

import com.livechat.gateway.auth.Roles;
import com.livechat.gateway.command.AgentCommands;
import com.livechat.gateway.projection.ConversationStore;
import com.livechat.gateway.refusal.Refusal;
import com.livechat.gateway.rest.Views.Accepted;
import com.livechat.gateway.rest.Views.ConversationDetail;
import com.livechat.gateway.rest.Views.MessageAccepted;
import com.livechat.gateway.rest.Views.ParticipantView;
import com.livechat.gateway.socket.frame.AgentFrame;
import com.livechat.gateway.socket.frame.Frames;
import com.livechat.contracts.events.TransferTargetType;
import com.livechat.platform.validation.PlainText;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.List;

/**
 * An agent's actions on one conversation. Only a conversation the agent is offered or took part in exists for
 * them: any other id answers 404, whether or not it exists.
 */
@Path("/api/conversations/{conversationId}")
@Tag(name = "Conversation (agent)")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
public class ConversationResource {

    public record MessageRequest(@NotBlank @Size(max = 100) @PlainText String clientMessageId, String text) {
    }

    public record TemplateRequest(@NotBlank @Size(max = 100) @PlainText String clientMessageId) {
    }

    /** The note follows {@link com.livechat.platform.validation.MessageRules#checkWrapUpNote} (at most 1000 code points). */
    public record WrapUpRequest(@NotBlank @Size(max = 100) @PlainText String reasonCode, String note) {
    }

    public record TransferRequest(@NotNull TransferTargetType targetType, @NotBlank @Size(max = 100) @PlainText String targetId) {
    }

    public record ConferenceRequest(@NotBlank @Size(max = 100) @PlainText String agentId) {
    }

    private final JsonWebToken jwt;
    private final AgentCommands commands;
    private final ConversationStore conversations;

    public ConversationResource(JsonWebToken jwt, AgentCommands commands, ConversationStore conversations) {
        this.jwt = jwt;
        this.commands = commands;
        this.conversations = conversations;
    }

    @GET
    @Operation(summary = "The conversation: state, customer, queue, participants")
    public Uni<ConversationDetail> get(@PathParam("conversationId") @PlainText String conversationId) {
        return commands.requireReadable(jwt.getName(), conversationId).chain(access -> conversations.summary(conversationId)
                .chain(summary -> conversations.participants(conversationId).map(participants -> {
                    var s = summary.orElseThrow(() -> Refusal.conversationNotFound(conversationId));
                    return new ConversationDetail(conversationId, s.state(), s.customerName(), s.queueId(), s.queueName(),
                            s.proactive(), s.startedAt(), s.lastSeq(), access.participantState(), access.offerPending(),
                            participants.stream().map(p -> new ParticipantView(p.agentId(), p.agentName(), p.state())).toList(),
                            s.customerReadSeq());
                })));
    }

    @GET
    @Path("/events")
    @Operation(summary = "The agent frames of the conversation after afterSeq, in order (resync, transcript)")
    public Uni<List<AgentFrame>> events(@PathParam("conversationId") @PlainText String conversationId,
            @QueryParam("afterSeq") @DefaultValue("0") @Min(0) long afterSeq) {
        return commands.requireReadable(jwt.getName(), conversationId)
                .chain(() -> conversations.events(conversationId, afterSeq, Long.MAX_VALUE))
                .map(events -> events.stream().flatMap(event -> Frames.forAgent(event).stream()).toList());
    }

    @POST
    @Path("/messages")
    @ResponseStatus(202)
    @Operation(summary = "Send a message (at most 1000 characters, no < or >)")
    public Uni<MessageAccepted> postMessage(@PathParam("conversationId") @PlainText String conversationId,
            @Valid @NotNull MessageRequest request) {
        return commands.postMessage(jwt.getName(), conversationId, request.clientMessageId(), request.text())
                .map(commandId -> new MessageAccepted(commandId, request.clientMessageId()));
    }

    @POST
    @Path("/templates/{templateId}")
    @ResponseStatus(202)
    @Operation(summary = "Send a message template, filled in by the conversation service")
    public Uni<MessageAccepted> sendTemplate(@PathParam("conversationId") @PlainText String conversationId,
            @PathParam("templateId") @PlainText String templateId, @Valid @NotNull TemplateRequest request) {
        return commands.sendTemplate(jwt.getName(), conversationId, templateId, request.clientMessageId())
                .map(commandId -> new MessageAccepted(commandId, request.clientMessageId()));
    }

    @POST
    @Path("/end")
    @ResponseStatus(202)
    @Operation(summary = "Leave the conversation and go to wrap-up")
    public Uni<Accepted> end(@PathParam("conversationId") @PlainText String conversationId) {
        return commands.end(jwt.getName(), conversationId).map(Accepted::new);
    }

    @POST
    @Path("/wrap-up")
    @ResponseStatus(202)
    @Operation(summary = "Record the wrap-up reason (after ending)")
    public Uni<Accepted> wrapUp(@PathParam("conversationId") @PlainText String conversationId, @Valid @NotNull WrapUpRequest request) {
        return commands.wrapUp(jwt.getName(), conversationId, request.reasonCode(), request.note()).map(Accepted::new);
    }

    @POST
    @Path("/transfer")
    @ResponseStatus(202)
    @Operation(summary = "Transfer to a queue or to an AVAILABLE agent; the agent then leaves and wraps up")
    public Uni<Accepted> transfer(@PathParam("conversationId") @PlainText String conversationId,
            @Valid @NotNull TransferRequest request) {
        return commands.transfer(jwt.getName(), conversationId, request.targetType(), request.targetId()).map(Accepted::new);
    }

    @POST
    @Path("/conference")
    @ResponseStatus(202)
    @Operation(summary = "Invite an AVAILABLE agent into the conversation")
    public Uni<Accepted> conference(@PathParam("conversationId") @PlainText String conversationId,
            @Valid @NotNull ConferenceRequest request) {
        return commands.conference(jwt.getName(), conversationId, request.agentId()).map(Accepted::new);
    }

    @POST
    @Path("/conference/end")
    @ResponseStatus(202)
    @Operation(summary = "Leave the conference and wrap up; the other agent carries on")
    public Uni<Accepted> endConference(@PathParam("conversationId") @PlainText String conversationId) {
        return commands.endConference(jwt.getName(), conversationId).map(Accepted::new);
    }
}
