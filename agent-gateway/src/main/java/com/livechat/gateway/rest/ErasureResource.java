package com.livechat.gateway.rest;

import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationState;
import com.livechat.gateway.audit.ErasureAudit;
import com.livechat.gateway.auth.Roles;
import com.livechat.gateway.command.CommandBus;
import com.livechat.gateway.projection.ConversationStore;
import com.livechat.gateway.refusal.Refusal;
import com.livechat.platform.validation.PlainText;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
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

import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Erasure of a customer's data on request (GDPR art. 17, docs/privacy.md), for administrators: the request is
 * audited, then {@code EraseCustomerData} takes the usual road (inbound, masking, conversation), and every service
 * erases its copy when {@code CustomerDataErased} comes back.
 */
@Path("/api/admin/erasures")
@Tag(name = "Administration")
@RolesAllowed(Roles.ADMIN)
public class ErasureResource {

    /** The conversation states in which the conversation service accepts an erasure (no message can follow). */
    static final Set<ConversationState> ERASABLE = Set.of(ConversationState.ENDED, ConversationState.CLOSED,
            ConversationState.ABANDONED);

    public record ErasureRequest(@NotBlank @Size(max = 100) @PlainText String conversationId) {
    }

    private final JsonWebToken jwt;
    private final ErasureAudit audit;
    private final ConversationStore conversations;
    private final CommandBus bus;
    private final Clock clock;

    public ErasureResource(JsonWebToken jwt, ErasureAudit audit, ConversationStore conversations, CommandBus bus,
            Clock clock) {
        this.jwt = jwt;
        this.audit = audit;
        this.conversations = conversations;
        this.bus = bus;
        this.clock = clock;
    }

    @POST
    @ResponseStatus(202)
    @Operation(summary = "Erase the customer's data of an ended conversation; answers the audited request")
    public Uni<ErasureAudit.Entry> erase(@Valid @NotNull ErasureRequest request) {
        String conversationId = request.conversationId();
        return conversations.summary(conversationId).chain(summary -> {
            var found = summary.orElseThrow(() -> Refusal.conversationNotFound(conversationId));
            if (found.state() == null || !ERASABLE.contains(found.state())) {
                throw new Refusal(Refusal.Kind.CONFLICT, "CONVERSATION_NOT_ENDED",
                        "Conversation " + conversationId + " has not ended: its data can be erased once it has.");
            }
            return audit.record(conversationId, jwt.getName());
        }).call(entry -> bus.send(new ConversationCommand.EraseCustomerData(CommandBus.newCommandId(),
                conversationId, clock.instant(), entry.erasureId(), entry.requestedBy())));
    }

    @GET
    @Operation(summary = "The erasure requests, newest first (of one conversation if given)")
    public Uni<List<ErasureAudit.Entry>> list(
            @QueryParam("conversationId") @Size(max = 100) @PlainText String conversationId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return audit.list(conversationId, limit);
    }

    @GET
    @Path("/{erasureId}")
    @Operation(summary = "One erasure request: REQUESTED, or COMPLETED once every copy in the gateway is erased")
    public Uni<ErasureAudit.Entry> get(@PathParam("erasureId") @PlainText String erasureId) {
        return audit.find(erasureId).map(entry -> {
            if (entry == null) {
                throw Refusal.notFound("Erasure " + erasureId + " was not found.");
            }
            return entry;
        });
    }
}
