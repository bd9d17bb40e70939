package com.livechat.gateway.rest;

import com.livechat.gateway.auth.Roles;
import com.livechat.gateway.command.Colleagues;
import com.livechat.gateway.projection.PresenceStore;
import com.livechat.gateway.projection.ReferenceStore;
import com.livechat.gateway.projection.ReferenceStore.Kind;
import com.livechat.platform.validation.PlainText;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The lists the desktop offers: idle codes, templates, wrap-up reasons, transfer targets. */
@Path("/api")
@Tag(name = "Lists")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
public class ReferenceResource {

    public record CodeView(String code, String label) {
    }

    public record TemplateView(String id, String name, String body) {
    }

    public record QueueTarget(String id, String name) {
    }

    public record AgentTarget(String agentId, String displayName, int activeChats, int capacity) {
    }

    public record TransferTargets(List<QueueTarget> queues, List<AgentTarget> agents) {
    }

    private final JsonWebToken jwt;
    private final ReferenceStore reference;
    private final PresenceStore presence;

    public ReferenceResource(JsonWebToken jwt, ReferenceStore reference, PresenceStore presence) {
        this.jwt = jwt;
        this.reference = reference;
        this.presence = presence;
    }

    @GET
    @Path("/idle-codes")
    @Operation(summary = "Idle codes an agent can choose with IDLE")
    public Uni<List<CodeView>> idleCodes() {
        return reference.list(Kind.IDLE_CODE, null)
                .map(items -> items.stream().map(item -> new CodeView(item.id(), item.name())).toList());
    }

    @GET
    @Path("/templates")
    @Operation(summary = "Message templates")
    public Uni<List<TemplateView>> templates() {
        return reference.list(Kind.TEMPLATE, null)
                .map(items -> items.stream().map(item -> new TemplateView(item.id(), item.name(), item.body())).toList());
    }

    @GET
    @Path("/wrap-up-reasons")
    @Operation(summary = "Wrap-up reasons whose code or label contains search")
    public Uni<List<CodeView>> wrapUpReasons(@QueryParam("search") @PlainText String search) {
        return reference.list(Kind.WRAP_UP_REASON, search)
                .map(items -> items.stream().map(item -> new CodeView(item.id(), item.name())).toList());
    }

    @GET
    @Path("/transfer-targets")
    @Operation(summary = "Queues and the agents who may take the chat now (read fresh on every call)")
    public Uni<TransferTargets> transferTargets(@QueryParam("search") @PlainText String search) {
        return reference.list(Kind.QUEUE, search).chain(queues -> presence.matching(search)
                .map(agents -> new TransferTargets(
                        queues.stream().map(queue -> new QueueTarget(queue.id(), queue.name())).toList(),
                        agents.stream().filter(agent -> Colleagues.mayTakeTheChat(jwt.getName(), agent)).map(agent -> new AgentTarget(agent.agentId(),
                                agent.displayName() == null ? agent.agentId() : agent.displayName(),
                                agent.activeChats(), agent.capacity())).toList())));
    }
}
