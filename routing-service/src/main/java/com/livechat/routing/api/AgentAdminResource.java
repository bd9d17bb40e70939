package com.livechat.routing.api;

import com.livechat.routing.config.RoutingConfig;
import com.livechat.routing.domain.Agent;
import com.livechat.routing.domain.Offer;
import com.livechat.routing.domain.Refusal;
import com.livechat.routing.domain.RoutingAdmin;
import com.livechat.routing.domain.RoutingAdmin.AgentProfile;
import com.livechat.platform.problem.ApiException;
import com.livechat.platform.validation.Like;
import com.livechat.platform.validation.PlainText;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
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
public class AgentAdminResource {

    private final RoutingAdmin admin;
    private final int defaultCapacity;

    public AgentAdminResource(RoutingAdmin admin, RoutingConfig config) {
        this.admin = admin;
        this.defaultCapacity = config.defaultCapacity();
    }

    /** Creates (LOGGED_OUT) or updates an agent (idempotent); every queue must exist. */
    @PUT
    @Path("{id}")
    public Uni<AgentView> put(@PathParam("id") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
            @Valid @NotNull AgentRequest request) {
        Set<String> queueIds = request.queueIds() == null ? Set.of() : new TreeSet<>(request.queueIds());
        AgentProfile profile = new AgentProfile(request.displayName().trim(), queueIds,
                request.capacity() == null ? defaultCapacity : request.capacity());
        return admin.putAgent(id, profile)
                .onFailure(Refusal.class).transform(refusal ->
                        ApiException.badRequest(refusal.getMessage(), ((Refusal) refusal).code().name()))
                .chain(agent -> Panache.withSession(() -> load(agent.id)));
    }

    /** Agents whose display name contains {@code search} (case-insensitive), by name. */
    @GET
    @WithSession
    public Uni<List<AgentView>> list(@QueryParam("search") @PlainText String search) {
        return Agent.search(Like.containsPattern(search)).chain(agents -> Offer
                .loadOf(agents.stream().map(agent -> agent.id).toList())
                .map(load -> agents.stream().map(agent -> {
                    int[] counts = load.getOrDefault(agent.id, new int[2]);
                    return AgentView.of(agent, counts[0], counts[1]);
                }).toList()));
    }

    /** An agent with their current state, idle code, active chats and pending offers. */
    @GET
    @Path("{id}")
    @WithSession
    public Uni<AgentView> get(@PathParam("id") @PlainText String id) {
        return load(id);
    }

    private Uni<AgentView> load(String id) {
        return Agent.findWithQueues(id).chain(agent -> {
            if (agent == null) {
                throw ApiException.notFound("No agent '" + id + "'.");
            }
            return Offer.loadOf(List.of(id)).map(load -> {
                int[] counts = load.getOrDefault(id, new int[2]);
                return AgentView.of(agent, counts[0], counts[1]);
            });
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
