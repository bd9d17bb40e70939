package com.livechat.gateway.rest;

import com.livechat.gateway.auth.Roles;
import com.livechat.gateway.auth.TokenClaims;
import com.livechat.gateway.command.AgentCommands;
import com.livechat.gateway.projection.ConversationStore;
import com.livechat.gateway.rest.Views.Accepted;
import com.livechat.gateway.rest.Views.MeView;
import com.livechat.gateway.rest.Views.Page;
import com.livechat.gateway.socket.AgentSnapshot;
import com.livechat.gateway.socket.frame.ConversationView;
import com.livechat.gateway.socket.frame.OfferView;
import com.livechat.contracts.events.AgentState;
import com.livechat.platform.validation.PlainText;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.List;

/** The logged-in agent: profile and state, offers, current conversations, history. */
@Path("/api/agent")
@Tag(name = "Agent")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
public class AgentResource {

    public record StateRequest(@NotNull AgentState state, @Size(max = 100) @PlainText String idleCode) {
    }

    private final JsonWebToken jwt;
    private final AgentSnapshot snapshot;
    private final AgentCommands commands;
    private final ConversationStore conversations;

    public AgentResource(JsonWebToken jwt, AgentSnapshot snapshot, AgentCommands commands,
            ConversationStore conversations) {
        this.jwt = jwt;
        this.snapshot = snapshot;
        this.commands = commands;
        this.conversations = conversations;
    }

    @GET
    @Path("/me")
    @Operation(summary = "The agent's profile and current presence")
    public Uni<MeView> me() {
        return snapshot.presence(jwt.getName()).map(presence -> new MeView(jwt.getName(),
                TokenClaims.displayName(jwt), List.copyOf(jwt.getGroups()), presence));
    }

    @PUT
    @Path("/state")
    @ResponseStatus(202)
    @Operation(summary = "Ask for AVAILABLE, IDLE (with an idle code) or LOGGED_OUT; leaving RONA is this call")
    public Uni<Accepted> changeState(@Valid @NotNull StateRequest request) {
        return commands.changeState(jwt.getName(), request.state(), request.idleCode()).map(Accepted::new);
    }

    @GET
    @Path("/offers")
    @Operation(summary = "Offers pending for the agent, each with the thread so far")
    public Uni<List<OfferView>> offers() {
        return snapshot.offers(jwt.getName());
    }

    @POST
    @Path("/offers/{offerId}/accept")
    @ResponseStatus(202)
    @Operation(summary = "Accept a pending offer")
    public Uni<Accepted> accept(@PathParam("offerId") @PlainText String offerId) {
        return commands.acceptOffer(jwt.getName(), offerId).map(Accepted::new);
    }

    @POST
    @Path("/offers/{offerId}/decline")
    @ResponseStatus(202)
    @Operation(summary = "Decline a pending offer (routing treats it like RONA)")
    public Uni<Accepted> decline(@PathParam("offerId") @PlainText String offerId) {
        return commands.declineOffer(jwt.getName(), offerId).map(Accepted::new);
    }

    @GET
    @Path("/conversations")
    @Operation(summary = "The conversations the agent is in or wrapping up")
    public Uni<List<ConversationView>> conversations() {
        return snapshot.conversations(jwt.getName());
    }

    @GET
    @Path("/history")
    @Operation(summary = "Every conversation the agent took part in, most recent first; search: customer, queue, "
            + "wrap-up reason or id containing it")
    public Uni<Page<ConversationView>> history(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
            @QueryParam("search") @Size(max = 200) @PlainText String search) {
        return conversations.history(jwt.getName(), search, page, size).map(result -> new Page<>(page, size, result.total(),
                result.items().stream().map(ConversationView::of).toList()));
    }
}
