package com.livechat.gateway.messaging;

import com.livechat.gateway.api.Frames;
import com.livechat.gateway.api.SocketHub;
import com.livechat.gateway.domain.ConversationStore;
import com.livechat.gateway.domain.OfferStore;
import com.livechat.gateway.domain.PresenceStore;
import com.livechat.gateway.domain.ReferenceStore;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.RoutingEvent.AgentStateChanged;
import com.livechat.contracts.events.RoutingEvent.ChatAssigned;
import com.livechat.contracts.events.RoutingEvent.ChatOffered;
import com.livechat.contracts.events.RoutingEvent.OfferWithdrawn;
import com.livechat.contracts.events.RoutingEvent.QueueDeleted;
import com.livechat.contracts.events.RoutingEvent.QueuePositionChanged;
import com.livechat.contracts.events.RoutingEvent.RoutingCommandRejected;
import com.livechat.contracts.json.EventJson;
import com.livechat.platform.failure.FailureKind;
import com.livechat.platform.failure.UntilDecided;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Projects routing's decisions (offers, presence, queue positions) and pushes them after the commit. While the
 * database is unavailable an event waits ({@link UntilDecided}); one that can never be projected is logged and skipped.
 */
@ApplicationScoped
public class RoutingEventConsumer {

    private static final Logger LOG = Logger.getLogger(RoutingEventConsumer.class);

    private final Pool pool;
    private final OfferStore offers;
    private final PresenceStore presence;
    private final ConversationStore conversations;
    private final ReferenceStore reference;
    private final SocketHub hub;
    private final UntilDecided untilDecided;

    public RoutingEventConsumer(Pool pool, OfferStore offers, PresenceStore presence, ConversationStore conversations,
            ReferenceStore reference, SocketHub hub, UntilDecided untilDecided) {
        this.pool = pool;
        this.offers = offers;
        this.presence = presence;
        this.conversations = conversations;
        this.reference = reference;
        this.hub = hub;
        this.untilDecided = untilDecided;
    }

    @Incoming("routing-events")
    public Uni<Void> consume(RoutingEvent event) {
        if (event == null) {
            LOG.warn("Skipped an unreadable record on livechat.routing.events");
            return Uni.createFrom().voidItem();
        }
        return untilDecided.run("routing event", event.eventId(),
                        () -> pool.withTransaction(connection -> project(connection, event)))
                .invoke(() -> push(event))
                .onFailure(FailureKind::isDeterministic).recoverWithItem(error -> {
                    LOG.errorf(error, "Could not project %s %s; skipped", event.getClass().getSimpleName(),
                            event.eventId());
                    return null;
                })
                .replaceWithVoid();
    }

    private Uni<Void> project(SqlConnection connection, RoutingEvent event) {
        if (event instanceof ChatOffered offered) {
            return offers.saveOffered(connection, offered);
        } else if (event instanceof OfferWithdrawn withdrawn) {
            return offers.close(connection, withdrawn.offerId(), OfferStore.Status.WITHDRAWN,
                    withdrawn.reason() == null ? null : withdrawn.reason().name());
        } else if (event instanceof ChatAssigned assigned) {
            return offers.close(connection, assigned.offerId(), OfferStore.Status.ACCEPTED, null);
        } else if (event instanceof AgentStateChanged changed) {
            return presence.save(connection, changed);
        } else if (event instanceof QueuePositionChanged position) {
            return conversations.saveQueuePosition(connection, position);
        } else if (event instanceof QueueDeleted deleted) {
            return reference.markQueueDeleted(connection, deleted.queueId(), deleted.queueName());
        }
        return Uni.createFrom().voidItem();
    }

    private void push(RoutingEvent event) {
        if (event instanceof ChatOffered offered) {
            hub.offer(offered);
        } else if (event instanceof OfferWithdrawn withdrawn) {
            hub.toAgent(withdrawn.agentId(), Frames.frame("offer-withdrawn").put("offerId", withdrawn.offerId())
                    .put("conversationId", withdrawn.conversationId())
                    .put("kind", withdrawn.kind() == null ? null : withdrawn.kind().name())
                    .put("reason", withdrawn.reason() == null ? null : withdrawn.reason().name()));
        } else if (event instanceof ChatAssigned assigned) {
            hub.toAgent(assigned.agentId(), Frames.frame("offer-accepted").put("offerId", assigned.offerId())
                    .put("conversationId", assigned.conversationId())
                    .put("kind", assigned.kind() == null ? null : assigned.kind().name()));
        } else if (event instanceof AgentStateChanged changed) {
            var frame = Frames.frame("agent-state");
            frame.setAll(EventJson.mapper().createObjectNode()
                    .put("agentId", changed.agentId()).put("state", changed.state().name())
                    .put("previousState", changed.previousState() == null ? null : changed.previousState().name())
                    .put("idleCode", changed.idleCode()).put("reason", changed.reason())
                    .put("activeChats", changed.activeChats()).put("capacity", changed.capacity())
                    .put("occurredAt", changed.occurredAt() == null ? null : changed.occurredAt().toString()));
            hub.toAgent(changed.agentId(), frame);
        } else if (event instanceof QueuePositionChanged position) {
            hub.toCustomer(position.conversationId(), Frames.frame("queue-position")
                    .put("conversationId", position.conversationId()).put("queueId", position.queueId())
                    .put("position", position.position()));
        } else if (event instanceof RoutingCommandRejected rejected) {
            hub.toAgent(rejected.agentId(), Frames.error(rejected.commandId(), rejected.conversationId(),
                    rejected.code() == null ? "REJECTED" : rejected.code().name(), rejected.reason()));
        }
    }
}
