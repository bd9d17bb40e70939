package com.livechat.routing.api;

import com.livechat.routing.config.RoutingConfig;
import com.livechat.routing.domain.AgentSettings;
import com.livechat.routing.domain.Refusal;
import com.livechat.routing.persistence.AdminDecisions;
import com.livechat.routing.persistence.AgentRow;
import com.livechat.routing.persistence.OfferRow;
import com.livechat.platform.problem.ApiException;
import com.livechat.platform.validation.Like;
import com.livechat.platform.validation.PlainText;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Admin API of agents. An agent's state is theirs to change (through the gateway); here it is only shown. */
@Path("/admin/agents")
@RolesAllowed("admin")
public class AgentAdminResource {

    private final AdminDecisions admin;
    private final int defaultCapacity;

    public AgentAdminResource(AdminDecisions admin, RoutingConfig config) {
        this.admin = admin;
        this.defaultCapacity = config.defaultCapacity();
    }

    /** Creates (LOGGED_OUT) or updates an agent (idempotent); every queue must exist. */
    @PUT
    @Path("{id}")
    public Uni<AgentView> put(@PathParam("id") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
            @Valid @NotNull AgentRequest request) {
        Set<String> queueIds = request.queueIds() == null ? Set.of() : new TreeSet<>(request.queueIds());
        AgentSettings settings = new AgentSettings(request.displayName().trim(), queueIds,
                request.capacity() == null ? defaultCapacity : request.capacity());
        return admin.putAgent(id, settings)
                .onFailure(Refusal.class).transform(refusal ->
                        ApiException.badRequest(refusal.getMessage(), ((Refusal) refusal).code().name()))
                .chain(() -> Panache.withSession(() -> load(id)));
    }

    /** Agents whose display name contains {@code search} (case-insensitive), by name. */
    @GET
    @WithSession
    public Uni<List<AgentView>> list(@QueryParam("search") @PlainText String search) {
        return AgentRow.search(Like.containsPattern(search)).chain(agents -> OfferRow
                .loadOf(agents.stream().map(agent -> agent.id).toList())
                .map(load -> agents.stream().map(agent -> AgentView.of(agent, load)).toList()));
    }

    /** An agent with their current state, idle code, active chats and pending offers. */
    @GET
    @Path("{id}")
    @WithSession
    public Uni<AgentView> get(@PathParam("id") @PlainText String id) {
        return load(id);
    }

    private Uni<AgentView> load(String id) {
        return AgentRow.findWithQueues(id).chain(agent -> {
            if (agent == null) {
                throw ApiException.notFound("No agent '" + id + "'.");
            }
            return OfferRow.loadOf(List.of(id)).map(load -> AgentView.of(agent, load));
        });
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") @PlainText String id) {
        return admin.deleteAgent(id).map(deleted -> {
            if (!deleted) {
                throw ApiException.notFound("No agent '" + id + "'.");
            }
            return Response.noContent().build();
        });
    }
}
