package com.livechat.gateway.messaging;

import com.livechat.gateway.api.Frames;
import com.livechat.gateway.api.SocketHub;
import com.livechat.gateway.domain.ConversationStore;
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
 * Projects every conversation event into the shared gateway database, then (after the commit) pushes it to the
 * sockets of this instance: the agents who follow the conversation and the customer. A rejection is not stored;
 * it goes to whoever issued the command as an {@code error} frame. While the database is unavailable an event waits
 * ({@link UntilDecided}); one that can never be projected is logged and skipped.
 */
@ApplicationScoped
public class ConversationEventConsumer {

    private static final Logger LOG = Logger.getLogger(ConversationEventConsumer.class);

    private final Pool pool;
    private final ConversationStore conversations;
    private final SocketHub hub;
    private final UntilDecided untilDecided;

    public ConversationEventConsumer(Pool pool, ConversationStore conversations, SocketHub hub,
            UntilDecided untilDecided) {
        this.pool = pool;
        this.conversations = conversations;
        this.hub = hub;
        this.untilDecided = untilDecided;
    }

    @Incoming("conversation-events")
    public Uni<Void> consume(ConversationEvent event) {
        if (event == null) {
            LOG.warn("Skipped an unreadable record on livechat.conversation.events");
            return Uni.createFrom().voidItem();
        }
        if (event instanceof CommandRejected rejected) {
            pushRejection(rejected);
            return Uni.createFrom().voidItem();
        }
        if (event.seq() == null) {
            LOG.warnf("Skipped %s %s without seq", event.getClass().getSimpleName(), event.eventId());
            return Uni.createFrom().voidItem();
        }
        return untilDecided.run("conversation event", event.eventId(),
                        () -> pool.withTransaction(connection -> conversations.apply(connection, event)
                                .chain(() -> conversations.followers(connection, event.conversationId()))))
                .invoke(followers -> hub.conversationEvent(event, withSubject(event, followers)))
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

    private void pushRejection(CommandRejected rejected) {
        var frame = Frames.error(rejected.commandId(), rejected.conversationId(),
                rejected.code() == null ? "REJECTED" : rejected.code().name(), rejected.reason());
        if (rejected.agentId() != null) {
            hub.toAgent(rejected.agentId(), frame);
        } else {
            hub.toCustomer(rejected.conversationId(), frame);
        }
    }
}
