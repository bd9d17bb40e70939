package com.livechat.routing.api;

import com.livechat.routing.config.RoutingConfig;
import com.livechat.routing.domain.QueueSettings;
import com.livechat.routing.domain.RoutingQueue;
import com.livechat.routing.domain.RoutingStrategy;
import com.livechat.routing.persistence.AdminDecisions;
import com.livechat.routing.persistence.AgentRow;
import com.livechat.routing.persistence.QueueRow;
import com.livechat.routing.persistence.WaitingChatRow;
import com.livechat.platform.problem.ApiException;
import com.livechat.platform.validation.Like;
import com.livechat.platform.time.OpeningHours;
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
import java.util.stream.IntStream;

/** Admin API of queues, and the read-only view of a queue's waiting chats. */
@Path("/")
public class QueueAdminResource {

    private final AdminDecisions admin;
    private final int defaultRonaTimeoutSeconds;

    public QueueAdminResource(AdminDecisions admin, RoutingConfig config) {
        this.admin = admin;
        this.defaultRonaTimeoutSeconds = (int) config.defaultRonaTimeout().toSeconds();
    }

    /** Creates or replaces a queue (idempotent). */
    @RolesAllowed("admin")
    @PUT
    @Path("admin/queues/{id}")
    public Uni<QueueView> put(@PathParam("id") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
            @Valid @NotNull QueueRequest request) {
        OpeningHours.check(request.businessHours()).ifPresent(problem -> {
            throw ApiException.badRequest(problem, "INVALID_BUSINESS_HOURS");
        });
        QueueSettings settings = new QueueSettings(request.name().trim(),
                request.strategy() == null ? RoutingStrategy.LONGEST_AVAILABLE_AGENT : RoutingStrategy.valueOf(request.strategy()),
                request.ronaTimeoutSeconds() == null ? defaultRonaTimeoutSeconds : request.ronaTimeoutSeconds(),
                request.maxWaitSeconds(), request.inactivityWarningSeconds(), request.inactivityGraceSeconds(),
                request.waitingNoticeSeconds(),
                request.waitingNoticeText() == null || request.waitingNoticeText().isBlank() ? null
                        : request.waitingNoticeText().trim(),
                request.businessHours());
        return admin.putQueue(id, settings).chain(queue -> Panache.withSession(() -> view(queue, false)));
    }

    /** Queues whose name contains {@code search} (case-insensitive), by name. */
    @RolesAllowed("admin")
    @GET
    @Path("admin/queues")
    @WithSession
    public Uni<List<QueueView>> list(@QueryParam("search") @PlainText String search) {
        return QueueRow.<QueueRow>list("lower(name) like ?1 escape '!' order by name, id",
                        Like.containsPattern(search))
                .chain(queues -> WaitingChatRow.countPerQueue().map(waiting -> queues.stream()
                        .map(queue -> QueueView.of(queue.toQueue(), waiting.getOrDefault(queue.id, 0L), null))
                        .toList()));
    }

    /** A queue with the agents serving it and its live chats (what deleting it would interrupt). */
    @RolesAllowed("admin")
    @GET
    @Path("admin/queues/{id}")
    @WithSession
    public Uni<QueueView> get(@PathParam("id") @PlainText String id) {
        return QueueRow.<QueueRow>findById(id).chain(queue -> {
            if (queue == null) {
                throw ApiException.notFound("No queue '" + id + "'.");
            }
            return view(queue.toQueue(), true);
        });
    }

    /** Deletes a queue: its waiting chats leave routing and its conversations are interrupted. */
    @RolesAllowed("admin")
    @DELETE
    @Path("admin/queues/{id}")
    public Uni<Response> delete(@PathParam("id") @PlainText String id) {
        return admin.deleteQueue(id).map(deleted -> {
            if (!deleted) {
                throw ApiException.notFound("No queue '" + id + "'.");
            }
            return Response.noContent().build();
        });
    }

    /** The chats waiting in a queue, in the order they will be offered. */
    @RolesAllowed({"supervisor", "admin"})
    @GET
    @Path("queues/{id}/waiting")
    @WithSession
    public Uni<List<WaitingChatView>> waiting(@PathParam("id") @PlainText String id) {
        return QueueRow.<QueueRow>findById(id).chain(queue -> {
            if (queue == null) {
                throw ApiException.notFound("No queue '" + id + "'.");
            }
            return WaitingChatRow.inQueue(id).map(chats -> IntStream.range(0, chats.size())
                    .mapToObj(index -> {
                        WaitingChatRow chat = chats.get(index);
                        return new WaitingChatView(index + 1, chat.conversationId, chat.customerName, chat.proactive,
                                chat.waitingSince, chat.enteredQueueAt, chat.leftMessage);
                    })
                    .toList());
        });
    }

    private Uni<QueueView> view(RoutingQueue queue, boolean withAgents) {
        return WaitingChatRow.count("queueId", queue.id).chain(waiting -> !withAgents
                ? Uni.createFrom().item(QueueView.of(queue, waiting, null))
                : WaitingChatRow.liveChatsOf(queue.id).chain(live -> AgentRow.serving(queue.id)
                        .map(agents -> QueueView.of(queue, waiting, live, agents.stream()
                                .map(agent -> new QueueView.AgentSummary(agent.id, agent.displayName, agent.state.name()))
                                .toList()))));
    }
}
