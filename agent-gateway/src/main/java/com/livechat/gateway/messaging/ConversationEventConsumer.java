package com.livechat.gateway.messaging;

import com.livechat.gateway.projection.ConversationStore;
import com.livechat.gateway.projection.SupervisionStore;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationEvent.CommandRejected;
import com.livechat.contracts.events.ConversationEvent.ParticipantStateChanged;
import com.livechat.contracts.events.ConversationEvent.WrapUpRecorded;
import com.livechat.platform.failure.FailureKind;
import com.livechat.platform.failure.UntilDecided;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.LinkedHashSet;
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

    public ConversationEventConsumer(Pool pool, ConversationStore conversations, SupervisionStore supervision,
            CommittedEvents committed, UntilDecided untilDecided) {
        this.pool = pool;
        this.conversations = conversations;
        this.supervision = supervision;
        this.committed = committed;
        this.untilDecided = untilDecided;
    }

    @Incoming("conversation-events")
    public Uni<Void> consume(ConversationEvent event) {
        if (event == null) {
            LOG.warn("Skipped an unreadable record on livechat.conversation.events");
            return Uni.createFrom().voidItem();
        }
        if (event instanceof CommandRejected rejected) {
            committed.conversationCommandRejected(rejected);
            return Uni.createFrom().voidItem();
        }
        if (event.seq() == null) {
            LOG.warnf("Skipped %s %s without seq", event.getClass().getSimpleName(), event.eventId());
            return Uni.createFrom().voidItem();
        }
        return untilDecided.run("conversation event", event.eventId(),
                        () -> pool.withTransaction(connection -> conversations.apply(connection, event)
                                .chain(() -> supervision.apply(connection, event))
                                .chain(() -> conversations.followers(connection, event.conversationId()))))
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
