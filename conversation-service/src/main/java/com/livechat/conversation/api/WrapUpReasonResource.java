package com.livechat.conversation.api;

import com.livechat.conversation.domain.WrapUpReason;
import com.livechat.conversation.persistence.OutboxWritten;
import com.livechat.conversation.persistence.ReferenceDataStore;
import com.livechat.conversation.persistence.Timestamps;
import com.livechat.contracts.events.ReferenceData;
import com.livechat.contracts.events.Topics;
import com.livechat.platform.outbox.Outbox;
import com.livechat.platform.problem.ApiException;
import com.livechat.platform.validation.CardNumbers;
import com.livechat.platform.validation.Like;
import com.livechat.platform.validation.PlainText;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Admin-defined wrap-up reasons. Each change is published as a {@code WrapUpReasonInfo} on the reference-data topic
 * (through the outbox, in the same transaction), which is where the gateway lists them from.
 */
@Path("/admin/wrap-up-reasons")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WrapUpReasonResource {

    static final String ID_PATTERN = "[A-Za-z0-9_-]{1,64}";
    static final String ID_MESSAGE = "must be 1 to 64 letters, digits, '_' or '-'";

    private final Mutiny.SessionFactory sessionFactory;
    private final ReferenceDataStore referenceData;
    private final Event<OutboxWritten> outboxWritten;
    private final Clock clock;

    public WrapUpReasonResource(Mutiny.SessionFactory sessionFactory, ReferenceDataStore referenceData,
            Event<OutboxWritten> outboxWritten, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.referenceData = referenceData;
        this.outboxWritten = outboxWritten;
        this.clock = clock;
    }

    public record WrapUpReasonRequest(@NotBlank @Size(max = 200) @PlainText String label) {
    }

    /** Reasons whose code or label contains {@code search} (case-insensitive), by label. */
    @GET
    public Uni<List<Views.WrapUpReasonView>> list(@QueryParam("search") @PlainText String search) {
        String pattern = Like.containsPattern(search);
        return sessionFactory.withSession(session -> referenceData.reasons(session, pattern))
                .map(reasons -> reasons.stream().map(WrapUpReasonResource::view).toList());
    }

    @GET
    @Path("/{code}")
    public Uni<Views.WrapUpReasonView> get(@PathParam("code") @PlainText String code) {
        return sessionFactory.withSession(session -> referenceData.reason(session, code)).map(reason -> {
            if (reason == null) {
                throw ApiException.notFound("There is no wrap-up reason '" + code + "'.");
            }
            return view(reason);
        });
    }

    /** Creates (201) or relabels (200) a reason. */
    @PUT
    @Path("/{code}")
    public Uni<Response> put(@PathParam("code") @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String code,
            @Valid @NotNull WrapUpReasonRequest request) {
        String label = request.label().trim();
        if (CardNumbers.containsCardNumber(label)) {
            throw ApiException.badRequest("The label contains a card number.", "UNMASKED_CARD_NUMBER");
        }
        Instant now = Timestamps.stored(clock.instant());
        WrapUpReason reason = new WrapUpReason(code, label, now);
        return sessionFactory.withTransaction(session -> referenceData.upsert(session, reason)
                .call(created -> Outbox.append(session, Topics.REFERENCE_DATA,
                        new ReferenceData.WrapUpReasonInfo(code, label, false)))
                .map(created -> Response.status(created ? 201 : 200).entity(view(reason)).build()))
                .invoke(this::wakeUpOutbox);
    }

    @DELETE
    @Path("/{code}")
    public Uni<Response> delete(@PathParam("code") @PlainText String code) {
        return sessionFactory.withTransaction(session -> referenceData.deleteReason(session, code).chain(reason -> {
            if (reason == null) {
                throw ApiException.notFound("There is no wrap-up reason '" + code + "'.");
            }
            return Outbox.append(session, Topics.REFERENCE_DATA,
                    new ReferenceData.WrapUpReasonInfo(code, reason.label(), true));
        })).invoke(this::wakeUpOutbox).map(ignored -> Response.noContent().build());
    }

    private static Views.WrapUpReasonView view(WrapUpReason reason) {
        return new Views.WrapUpReasonView(reason.code(), reason.label(), reason.updatedAt());
    }

    private void wakeUpOutbox() {
        outboxWritten.fire(new OutboxWritten());
    }
}
