package com.livechat.gateway.messaging;

import com.livechat.gateway.projection.ConversationStore;
import com.livechat.gateway.projection.OfferStore;
import com.livechat.gateway.projection.Pipelined;
import com.livechat.gateway.projection.PresenceStore;
import com.livechat.gateway.projection.ReferenceStore;
import com.livechat.gateway.projection.SupervisionStore;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.RoutingEvent.AgentStateChanged;
import com.livechat.contracts.events.RoutingEvent.ChatAssigned;
import com.livechat.contracts.events.RoutingEvent.ChatOffered;
import com.livechat.contracts.events.RoutingEvent.OfferWithdrawn;
import com.livechat.contracts.events.RoutingEvent.QueueDeleted;
import com.livechat.contracts.events.RoutingEvent.QueuePositionChanged;
import com.livechat.contracts.events.RoutingEvent.WaitingNoticeIssued;
import com.livechat.platform.failure.FailureKind;
import com.livechat.platform.failure.UntilDecided;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Projects routing's decisions (offers, presence, queue positions, RONA counts for the supervisor console) and hands them on after the commit
 * ({@link CommittedEvents}). While the database is unavailable an event waits
 * ({@link UntilDecided}); one that can never be projected is logged and skipped.
 */
@ApplicationScoped
public class RoutingEventConsumer {

    private static final Logger LOG = Logger.getLogger(RoutingEventConsumer.class);

    private final Pool pool;
    private final OfferStore offers;
    private final PresenceStore presence;
    private final ConversationStore conversations;
    private final ReferenceStore reference;
    private final SupervisionStore supervision;
    private final CommittedEvents committed;
    private final UntilDecided untilDecided;

    public RoutingEventConsumer(Pool pool, OfferStore offers, PresenceStore presence, ConversationStore conversations,
            ReferenceStore reference, SupervisionStore supervision, CommittedEvents committed,
            UntilDecided untilDecided) {
        this.pool = pool;
        this.offers = offers;
        this.presence = presence;
        this.conversations = conversations;
        this.reference = reference;
        this.supervision = supervision;
        this.committed = committed;
        this.untilDecided = untilDecided;
    }

    /**
     * A poll's worth of events in one transaction (one commit instead of one per event: under a burst routing
     * publishes an offer, a load change and queue positions per chat), then each handed on in order; of the queue
     * positions only the newest per chat, all in one statement ({@link LatestPositions}). If the batch
     * cannot be projected, each event is tried on its own, so only the one that can never be projected is skipped.
     */
    @Incoming("routing-events")
    public Uni<Void> consume(List<RoutingEvent> batch) {
        List<RoutingEvent> events = batch.stream().filter(Objects::nonNull).toList();
        if (events.size() < batch.size()) {
            LOG.warnf("Skipped %d unreadable record(s) on livechat.routing.events", batch.size() - events.size());
        }
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        LatestPositions positions = LatestPositions.of(events);
        return untilDecided.run("routing events", events.get(0).eventId(),
                        () -> pool.withTransaction(connection -> projectAll(connection, events, positions)))
                .onItemOrFailure().transformToUni((ignored, error) -> {
                    if (error == null) {
                        events.stream().filter(event -> !positions.superseded(event)).forEach(committed::routingEvent);
                        return Uni.createFrom().voidItem();
                    }
                    return FailureKind.isDeterministic(error) ? oneByOne(events) : Uni.createFrom().failure(error);
                });
    }

    /**
     * The poll's events in order, except its queue positions: the newest of each chat, in one statement. Every
     * statement is sent at once ({@link Pipelined}): none depends on an earlier one's result, and PostgreSQL runs
     * them in the order sent, so the poll keeps its order at one round trip instead of one per statement (a burst
     * is thousands of offers and load changes).
     */
    private Uni<Void> projectAll(SqlConnection connection, List<RoutingEvent> events, LatestPositions positions) {
        List<Uni<Void>> statements = new ArrayList<>();
        for (RoutingEvent event : events) {
            if (!(event instanceof QueuePositionChanged)) {
                statements.addAll(statements(connection, event));
            }
        }
        statements.add(conversations.saveQueuePositions(connection, positions.newest()));
        return Pipelined.inOrder(statements);
    }

    private Uni<Void> oneByOne(List<RoutingEvent> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (RoutingEvent event : events) {
            chain = chain.chain(() -> consumeOne(event));
        }
        return chain;
    }

    private Uni<Void> consumeOne(RoutingEvent event) {
        return untilDecided.run("routing event", event.eventId(),
                        () -> pool.withTransaction(connection -> project(connection, event)))
                .invoke(() -> committed.routingEvent(event))
                .onFailure(FailureKind::isDeterministic).recoverWithItem(error -> {
                    LOG.errorf(error, "Could not project %s %s; skipped", event.getClass().getSimpleName(),
                            event.eventId());
                    return null;
                })
                .replaceWithVoid();
    }

    private Uni<Void> project(SqlConnection connection, RoutingEvent event) {
        return Pipelined.inOrder(statements(connection, event));
    }

    /** The statements that project {@code event}, in order; none reads what an earlier one returned. */
    private List<Uni<Void>> statements(SqlConnection connection, RoutingEvent event) {
        if (event instanceof ChatOffered offered) {
            return List.of(offers.saveOffered(connection, offered));
        } else if (event instanceof OfferWithdrawn withdrawn) {
            return List.of(offers.close(connection, withdrawn.offerId(), OfferStore.Status.WITHDRAWN,
                            withdrawn.reason() == null ? null : withdrawn.reason().name()),
                    supervision.apply(connection, withdrawn));
        } else if (event instanceof ChatAssigned assigned) {
            return List.of(offers.close(connection, assigned.offerId(), OfferStore.Status.ACCEPTED, null),
                    conversations.clearWaitingNotice(connection, assigned.conversationId()));
        } else if (event instanceof AgentStateChanged changed) {
            return List.of(presence.save(connection, changed));
        } else if (event instanceof QueuePositionChanged position) {
            return List.of(conversations.saveQueuePosition(connection, position));
        } else if (event instanceof WaitingNoticeIssued notice) {
            return List.of(conversations.saveWaitingNotice(connection, notice));
        } else if (event instanceof QueueDeleted deleted) {
            return List.of(reference.markQueueDeleted(connection, deleted.queueId(), deleted.queueName()));
        }
        return List.of();
    }
}
