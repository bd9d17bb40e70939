package com.livechat.gateway.rest;

import com.livechat.gateway.auth.Roles;
import com.livechat.gateway.auth.TokenClaims;
import com.livechat.gateway.auth.TokenIssuer;
import com.livechat.gateway.command.CustomerCommands;
import com.livechat.gateway.projection.ConversationStore;
import com.livechat.gateway.refusal.Refusal;
import com.livechat.gateway.rest.Views.Accepted;
import com.livechat.gateway.rest.Views.MessageAccepted;
import com.livechat.gateway.socket.frame.CustomerFrame;
import com.livechat.gateway.socket.frame.Frames;
import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.contracts.events.Customer;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.platform.validation.PlainText;
import com.livechat.platform.validation.SingleLine;
import com.livechat.gateway.limit.StartLimits;
import com.livechat.gateway.web.AllowedOrigins;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
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
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.List;
import java.util.Map;

/** The customer widget: start a chat, write, read, leave. After the start, the chat's own token is required. */
@Path("/api/chats")
@Tag(name = "Customer")
public class CustomerChatResource {

    /** Most custom attributes (CAD variables) a chat may start with. */
    public static final int MAX_ATTRIBUTES = 50;
    public static final int MAX_ATTRIBUTE_NAME = 100;
    public static final int MAX_ATTRIBUTE_VALUE = 1000;
    /** The attribute the widget puts the host page's address in: its origin is the chat's site (limits). */
    public static final String PAGE_URL_ATTRIBUTE = "pageUrl";

    public record CustomerInfo(@NotBlank @Size(max = 200) @SingleLine String name,
            @Email @Size(max = 320) @SingleLine String email, @Size(max = 50) @SingleLine String phone) {
    }

    /**
     * The chat to start. Each field has a limit, and the whole command must also fit the masking service's record
     * limit ({@code 413} otherwise): a command masking refused after the customer got a 201 would be a lost chat.
     */
    public record StartRequest(@NotBlank @Size(max = 100) @PlainText String queueId, @Valid @NotNull CustomerInfo customer,
            @Size(max = MAX_ATTRIBUTES) Map<@NotBlank @Size(max = MAX_ATTRIBUTE_NAME) @PlainText String,
                    @NotNull @Size(max = MAX_ATTRIBUTE_VALUE) @PlainText String> attributes,
            @Size(max = 100) @PlainText String invitationId, Boolean offline, String message) {
    }

    public record StartResponse(String conversationId, String token) {
    }

    public record MessageRequest(@NotBlank @Size(max = 100) @PlainText String clientMessageId, String text) {
    }

    /**
     * The satisfaction survey: {@code rating} a whole number from 1 to 5 (required), {@code comment} optional. Length
     * and characters are checked by {@code MessageRules.checkSurvey} (one rule with the conversation service).
     */
    public record SurveyRequest(@NotNull JsonNode rating, String comment) {
    }

    private final JsonWebToken jwt;
    private final CustomerCommands commands;
    private final TokenIssuer tokens;
    private final ConversationStore conversations;
    private final AllowedOrigins origins;
    private final StartLimits limits;

    public CustomerChatResource(JsonWebToken jwt, CustomerCommands commands, TokenIssuer tokens,
            ConversationStore conversations, AllowedOrigins origins, StartLimits limits) {
        this.jwt = jwt;
        this.commands = commands;
        this.tokens = tokens;
        this.conversations = conversations;
        this.origins = origins;
        this.limits = limits;
    }

    @POST
    @PermitAll
    @ResponseStatus(201)
    @Operation(summary = "Start a chat in a queue; returns the conversation id and its customer token. While the queue"
            + " is closed (business hours): 409 QUEUE_CLOSED, unless offline is true (a message left for the opening, with"
            + " a message and an e-mail or phone)")
    public Uni<StartResponse> start(@Valid @NotNull StartRequest request, @Context HttpServerRequest http) {
        String site = Clients.checkedSite(http, origins, request.attributes() == null ? null
                : request.attributes().get(PAGE_URL_ATTRIBUTE));
        limits.chargeChat(Clients.address(http), site);
        CustomerInfo info = request.customer();
        String offlineMessage = Boolean.TRUE.equals(request.offline())
                ? (request.message() == null ? "" : request.message()) : null;
        return commands.start(request.queueId(), new Customer(info.name(), info.email(), info.phone()),
                        request.attributes(), request.invitationId(), offlineMessage)
                .map(started -> new StartResponse(started.conversationId(),
                        tokens.forCustomer(started.conversationId()).token()));
    }

    @POST
    @Path("/{conversationId}/messages")
    @RolesAllowed(Roles.CUSTOMER)
    @ResponseStatus(202)
    @Operation(summary = "Send a customer message")
    public Uni<MessageAccepted> postMessage(@PathParam("conversationId") @PlainText String conversationId,
            @Valid @NotNull MessageRequest request) {
        requireOwnConversation(conversationId);
        return commands.postMessage(conversationId, request.clientMessageId(), request.text())
                .map(commandId -> new MessageAccepted(commandId, request.clientMessageId()));
    }

    @POST
    @Path("/{conversationId}/end")
    @RolesAllowed(Roles.CUSTOMER)
    @ResponseStatus(202)
    @Operation(summary = "End the chat")
    public Uni<Accepted> end(@PathParam("conversationId") @PlainText String conversationId) {
        requireOwnConversation(conversationId);
        return commands.end(conversationId).map(Accepted::new);
    }

    @POST
    @Path("/{conversationId}/survey")
    @RolesAllowed(Roles.CUSTOMER)
    @ResponseStatus(202)
    @Operation(summary = "Rate the chat after its end (1-5, optional comment); recorded once, a second one is 409")
    public Uni<Accepted> survey(@PathParam("conversationId") @PlainText String conversationId,
            @Valid @NotNull SurveyRequest request) {
        requireOwnConversation(conversationId);
        // Read as JSON, not as an int: Jackson would silently make 4 of 4.5 or of "4".
        JsonNode rating = request.rating();
        if (!rating.isIntegralNumber() || !rating.canConvertToInt()) {
            throw Refusal.invalid(RejectionCode.INVALID_COMMAND.name(),
                    "A rating is a whole number from 1 to 5; " + rating + " is not.");
        }
        return commands.submitSurvey(conversationId, rating.intValue(), request.comment()).map(Accepted::new);
    }

    @GET
    @Path("/{conversationId}/messages")
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(summary = "The customer frames after afterSeq, in order (messages, agent joined/left, ended)")
    public Uni<List<CustomerFrame>> messages(@PathParam("conversationId") @PlainText String conversationId,
            @QueryParam("afterSeq") @DefaultValue("0") @Min(0) long afterSeq) {
        requireOwnConversation(conversationId);
        return conversations.events(conversationId, afterSeq, Long.MAX_VALUE)
                .map(events -> events.stream().flatMap(event -> Frames.forCustomer(event).stream()).toList());
    }

    private void requireOwnConversation(String conversationId) {
        if (!conversationId.equals(TokenClaims.conversationId(jwt))) {
            throw Refusal.forbidden("This token is not valid for that conversation.");
        }
    }
}
