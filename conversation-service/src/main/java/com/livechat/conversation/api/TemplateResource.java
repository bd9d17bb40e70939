package com.livechat.conversation.api;

import com.livechat.conversation.domain.MessageTemplate;
import com.livechat.conversation.domain.TemplateRenderer;
import com.livechat.conversation.persistence.OutboxWritten;
import com.livechat.conversation.persistence.ReferenceDataStore;
import com.livechat.conversation.persistence.Timestamps;
import com.livechat.contracts.events.ReferenceData;
import com.livechat.contracts.events.Topics;
import com.livechat.platform.outbox.Outbox;
import com.livechat.platform.problem.ApiException;
import com.livechat.platform.validation.CardNumbers;
import com.livechat.platform.validation.Like;
import com.livechat.platform.validation.MessageRules;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Admin-defined message templates with {@code <parameter>} placeholders. Each change is published as a
 * {@code MessageTemplateInfo} on the reference-data topic through the outbox.
 */
@Path("/admin/templates")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TemplateResource {

    private final Mutiny.SessionFactory sessionFactory;
    private final ReferenceDataStore referenceData;
    private final Event<OutboxWritten> outboxWritten;
    private final Clock clock;

    public TemplateResource(Mutiny.SessionFactory sessionFactory, ReferenceDataStore referenceData,
            Event<OutboxWritten> outboxWritten, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.referenceData = referenceData;
        this.outboxWritten = outboxWritten;
        this.clock = clock;
    }

    public record TemplateRequest(@NotBlank @Size(max = 200) @PlainText String name, @NotBlank @PlainText String body) {
    }

    /** Templates whose name or body contains {@code search} (case-insensitive), by name. */
    @GET
    public Uni<List<Views.TemplateView>> list(@QueryParam("search") @PlainText String search) {
        String pattern = Like.containsPattern(search);
        return sessionFactory.withSession(session -> referenceData.templates(session, pattern))
                .map(templates -> templates.stream().map(TemplateResource::view).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<Views.TemplateView> get(@PathParam("id") @PlainText String id) {
        return sessionFactory.withSession(session -> referenceData.template(session, id)).map(template -> {
            if (template == null) {
                throw ApiException.notFound("There is no message template '" + id + "'.");
            }
            return view(template);
        });
    }

    /** Creates (201) or redefines (200) a template. */
    @PUT
    @Path("/{id}")
    public Uni<Response> put(@PathParam("id") @Pattern(regexp = WrapUpReasonResource.ID_PATTERN,
            message = WrapUpReasonResource.ID_MESSAGE) String id, @Valid @NotNull TemplateRequest request) {
        String name = request.name().trim();
        String body = request.body();
        int length = body.codePointCount(0, body.length());
        if (length > MessageRules.CUSTOMER_MAX_CODE_POINTS) {
            throw ApiException.badRequest("A template body may hold at most " + MessageRules.CUSTOMER_MAX_CODE_POINTS
                    + " characters; this one has " + length + ".", "MESSAGE_TOO_LONG");
        }
        TemplateRenderer.checkBody(body).ifPresent(problem -> {
            throw ApiException.badRequest(problem, "INVALID_TEMPLATE");
        });
        if (CardNumbers.containsCardNumber(name) || CardNumbers.containsCardNumber(body)) {
            throw ApiException.badRequest("The template contains a card number.", "UNMASKED_CARD_NUMBER");
        }
        Instant now = Timestamps.stored(clock.instant());
        MessageTemplate template = new MessageTemplate(id, name, body, now);
        return sessionFactory.withTransaction(session -> referenceData.upsert(session, template)
                .call(created -> Outbox.append(session, Topics.REFERENCE_DATA,
                        new ReferenceData.MessageTemplateInfo(id, name, body, false)))
                .map(created -> Response.status(created ? 201 : 200).entity(view(template)).build()))
                .invoke(this::wakeUpOutbox);
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") @PlainText String id) {
        return sessionFactory.withTransaction(session -> referenceData.deleteTemplate(session, id).chain(template -> {
            if (template == null) {
                throw ApiException.notFound("There is no message template '" + id + "'.");
            }
            return Outbox.append(session, Topics.REFERENCE_DATA,
                    new ReferenceData.MessageTemplateInfo(id, template.name(), template.body(), true));
        })).invoke(this::wakeUpOutbox).map(ignored -> Response.noContent().build());
    }

    private static Views.TemplateView view(MessageTemplate template) {
        Set<String> parameters = new LinkedHashSet<>();
        Matcher matcher = TemplateRenderer.PARAMETER.matcher(template.body());
        while (matcher.find()) {
            parameters.add(matcher.group(1));
        }
        return new Views.TemplateView(template.id(), template.name(), template.body(), List.copyOf(parameters),
                template.updatedAt());
    }

    private void wakeUpOutbox() {
        outboxWritten.fire(new OutboxWritten());
    }
}
