package com.livechat.gateway.messaging;

import com.livechat.gateway.audit.ErasureAudit;
import com.livechat.gateway.projection.ConversationStore;
import com.livechat.gateway.projection.Pipelined;
import com.livechat.gateway.projection.SupervisionStore;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationEvent.CommandRejected;
import com.livechat.contracts.events.ConversationEvent.ParticipantStateChanged;
import com.livechat.contracts.events.ConversationEvent.WrapUpRecorded;
import com.livechat.platform.failure.FailureKind;
import com.livechat.platform.failure.UntilDecided;
import com.livechat.platform.tracing.HopSpans;
import com.livechat.platform.tracing.TraceContexts;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Projects every conversation event into the shared gateway database (and the supervisor console's queue entries), then (after the commit) hands it on
 * ({@link CommittedEvents}) with the agents who follow the conversation, for the sockets of this instance. A rejection
 * is not stored; it is handed on for whoever issued the command. While the database is unavailable an event waits
 * ({@link UntilDecided}); one that can never be projected is logged and skipped.
 */
@ApplicationScoped
public class ConversationEventConsumer {

    private static final Logger LOG = Logger.getLogger(ConversationEventConsumer.class);

    private final Pool pool;
    private final ConversationStore conversations;
    private final SupervisionStore supervision;
    private final CommittedEvents committed;
    private final UntilDecided untilDecided;
    private final ErasureAudit erasures;
    private final HopSpans spans;

    public ConversationEventConsumer(Pool pool, ConversationStore conversations, SupervisionStore supervision,
            CommittedEvents committed, UntilDecided untilDecided, ErasureAudit erasures, Tracer tracer) {
        this.erasures = erasures;
        this.spans = new HopSpans(tracer);
        this.pool = pool;
        this.conversations = conversations;
        this.supervision = supervision;
        this.committed = committed;
        this.untilDecided = untilDecided;
    }

    /**
     * A poll's worth of events projected in one transaction (one commit instead of one per event), then each handed on
     * in order with its followers as read in that transaction. If the batch cannot be projected, each event is tried on
     * its own, so only the one that can never be projected is skipped. Each event handed on ends its span
     * ("gateway push", from the poll's arrival), child of the conversation service's publish.
     */
    @Incoming("conversation-events")
    public Uni<Void> consume(ConsumerRecords<String, ConversationEvent> records) {
        Instant arrived = Instant.now();
        List<ConversationEvent> events = new ArrayList<>();
        List<Runnable> pushed = new ArrayList<>();
        for (ConsumerRecord<String, ConversationEvent> record : records) {
            ConversationEvent event = record.value();
            if (event == null) {
                LOG.warn("Skipped an unreadable record on livechat.conversation.events");
            } else if (!(event instanceof CommandRejected) && event.seq() == null) {
                LOG.warnf("Skipped %s %s without seq", event.getClass().getSimpleName(), event.eventId());
            } else {
                events.add(event);
                String traceparent = TraceContexts.traceparent(record.headers());
                pushed.add(() -> spans.record("gateway push " + event.getClass().getSimpleName(), traceparent,
                        arrived));
            }
        }
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (events.stream().allMatch(CommandRejected.class::isInstance)) {
            events.forEach(event -> committed.conversationCommandRejected((CommandRejected) event));
            pushed.forEach(Runnable::run);
            return Uni.createFrom().voidItem();
        }
        return untilDecided.run("conversation events", events.get(0).eventId(),
                        () -> pool.withTransaction(connection -> projectAll(connection, events)))
                .onItemOrFailure().transformToUni((followers, error) -> {
                    if (error == null) {
                        handOn(events, followers);
                        return Uni.createFrom().voidItem();
                    }
                    return FailureKind.isDeterministic(error) ? oneByOne(events) : Uni.createFrom().failure(error);
                })
                // Whatever the path, each event's hop ends once it was handed on (or skipped).
                .invoke(() -> pushed.forEach(Runnable::run));
    }

    /**
     * Projects the events in order; the followers of each (null for a rejection, which is not stored). Every
     * statement of the poll is sent at once ({@link Pipelined}): none depends on an earlier one's result, and
     * PostgreSQL runs them in the order sent, so the poll keeps its order at one round trip instead of one per
     * statement. Each event's followers are read after its own writes and before the next event's, as one by one;
     * their sets are filled as the reads answer and used only once every statement has (and the commit is done).
     */
    private Uni<List<Set<String>>> projectAll(SqlConnection connection, List<ConversationEvent> events) {
        List<Set<String>> followers = new ArrayList<>(events.size());
        List<Uni<Void>> statements = new ArrayList<>();
        for (ConversationEvent event : events) {
            if (event instanceof CommandRejected) {
                followers.add(null);
            } else {
                Set<String> eventFollowers = new LinkedHashSet<>();
                followers.add(eventFollowers);
                statements.addAll(statements(connection, event, eventFollowers));
            }
        }
        return Pipelined.inOrder(statements).replaceWith(followers);
    }

    /** One event on its own, in the caller's transaction; returns its followers. */
    private Uni<Set<String>> project(SqlConnection connection, ConversationEvent event) {
        Set<String> followers = new LinkedHashSet<>();
        return Pipelined.inOrder(statements(connection, event, followers)).replaceWith(followers);
    }

    /**
     * The statements that project one event into every projection (the conversation's, the supervisor figures', the
     * erasure audit), in order, then read its followers into {@code followers}; none reads what an earlier one
     * returned. The batch and the one-by-one paths both go through here, so no projection is skipped.
     */
    private List<Uni<Void>> statements(SqlConnection connection, ConversationEvent event, Set<String> followers) {
        List<Uni<Void>> statements = new ArrayList<>(conversations.statements(connection, event));
        statements.addAll(supervision.statements(connection, event));
        if (event instanceof ConversationEvent.CustomerDataErased erased) {
            statements.add(erasures.completed(connection, erased.erasureId(), erased.occurredAt()));
        }
        statements.add(conversations.followers(connection, event.conversationId()).invoke(followers::addAll)
                .replaceWithVoid());
        return statements;
    }

    private void handOn(List<ConversationEvent> events, List<Set<String>> followers) {
        for (int i = 0; i < events.size(); i++) {
            ConversationEvent event = events.get(i);
            if (event instanceof CommandRejected rejected) {
                committed.conversationCommandRejected(rejected);
            } else {
                committed.conversationEvent(event, withSubject(event, followers.get(i)));
            }
        }
    }

    private Uni<Void> oneByOne(List<ConversationEvent> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ConversationEvent event : events) {
            chain = chain.chain(() -> consumeOne(event));
        }
        return chain;
    }

    private Uni<Void> consumeOne(ConversationEvent event) {
        if (event instanceof CommandRejected rejected) {
            committed.conversationCommandRejected(rejected);
            return Uni.createFrom().voidItem();
        }
        return untilDecided.run("conversation event", event.eventId(),
                        () -> pool.withTransaction(connection -> project(connection, event)))
                .invoke(followers -> committed.conversationEvent(event, withSubject(event, followers)))
                .onFailure(FailureKind::isDeterministic).recoverWithItem(error -> {
                    LOG.errorf(error, "Could not project %s %s of conversation %s; skipped",
                            event.getClass().getSimpleName(), event.eventId(), event.conversationId());
                    return null;
                })
                .replaceWithVoid();
    }

    /** The agent an event is about sees it even when it ends their part (wrap-up done, offer withdrawn). */
    private static Set<String> withSubject(ConversationEvent event, Set<String> followers) {
        Set<String> agents = new LinkedHashSet<>(followers);
        if (event instanceof ParticipantStateChanged p) {
            agents.add(p.agentId());
        } else if (event instanceof WrapUpRecorded w) {
            agents.add(w.agentId());
        }
        return agents;
    }
}
