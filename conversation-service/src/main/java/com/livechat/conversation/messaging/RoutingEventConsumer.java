package com.livechat.conversation.messaging;

import com.livechat.contracts.events.OfferKind;
import com.livechat.conversation.domain.ConversationTimeline;
import com.livechat.conversation.domain.CustomerInactivity;
import com.livechat.conversation.domain.RoutingReactions;
import com.livechat.conversation.persistence.ConversationStore;
import com.livechat.conversation.persistence.LoadedConversation;
import com.livechat.conversation.persistence.Timestamps;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.Topics;
import com.livechat.platform.failure.FailureKind;
import com.livechat.platform.outbox.Inbox;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Follows routing's decisions from {@link Topics#ROUTING_EVENTS}: offers, assignments, withdrawals, queue time-outs
 * and deleted queues. Each event is applied in one transaction with its id recorded (inbox), so a replay changes
 * nothing. Events about agents and queue positions do not concern conversations and are skipped. While the database
 * is unavailable an event waits ({@link Transactions}); one that can never be applied is logged and skipped.
 */
@ApplicationScoped
public class RoutingEventConsumer {

    private static final Logger LOG = Logger.getLogger(RoutingEventConsumer.class);
    private static final String ROUTING_EVENT = "routing event";

    private final Transactions transactions;
    private final ConversationStore store;
    private final RoutingReactions reactions;
    private final OutboxPublisher outbox;
    private final Clock clock;
    private final CustomerInactivity inactivity;

    public RoutingEventConsumer(Transactions transactions, ConversationStore store,
            RoutingReactions reactions, OutboxPublisher outbox, Clock clock, CustomerInactivity inactivity) {
        this.inactivity = inactivity;
        this.transactions = transactions;
        this.store = store;
        this.reactions = reactions;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Incoming("routing-events")
    public Uni<Void> consume(RoutingEvent event) {
        if (event == null || event.eventId() == null) {
            LOG.warnf("Ignoring a routing event without event id: %s", event);
            return Uni.createFrom().voidItem();
        }
        Instant now = Timestamps.stored(clock.instant());
        if (event instanceof RoutingEvent.ChatOffered offered) {
            return onConversation(event, offered.conversationId(), now, timeline -> {
                reactions.chatOffered(timeline, offered);
                if (offered.kind() != OfferKind.CONFERENCE) {
                    inactivity.offered(timeline, offered.inactivityWarningSeconds(), offered.inactivityGraceSeconds());
                }
            });
        }
        if (event instanceof RoutingEvent.ChatAssigned assigned) {
            return onConversation(event, assigned.conversationId(), now,
                    timeline -> {
                        reactions.chatAssigned(timeline, assigned);
                        if (assigned.kind() != OfferKind.CONFERENCE) {
                            inactivity.restart(timeline);
                        }
                    });
        }
        if (event instanceof RoutingEvent.OfferWithdrawn withdrawn) {
            return onConversation(event, withdrawn.conversationId(), now,
                    timeline -> reactions.offerWithdrawn(timeline, withdrawn));
        }
        if (event instanceof RoutingEvent.QueueTimedOut timedOut) {
            return onConversation(event, timedOut.conversationId(), now, reactions::queueTimedOut);
        }
        if (event instanceof RoutingEvent.QueueDeleted deleted) {
            return onQueueDeleted(deleted, now);
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> onConversation(RoutingEvent event, String conversationId, Instant now,
            Consumer<ConversationTimeline> reaction) {
        return applyOnce(event, session -> store.lock(session, conversationId, now).chain(loaded -> {
            if (loaded == null) {
                LOG.warnf("%s names unknown conversation %s; ignored", event.getClass().getSimpleName(), conversationId);
                return Uni.createFrom().voidItem();
            }
            reaction.accept(loaded.timeline());
            return store.save(session, loaded);
        }));
    }

    /** Interrupts every conversation still depending on the deleted queue, all in one transaction. */
    private Uni<Void> onQueueDeleted(RoutingEvent.QueueDeleted deleted, Instant now) {
        String queueName = deleted.queueName() == null || deleted.queueName().isBlank() ? deleted.queueId()
                : deleted.queueName();
        return applyOnce(deleted, session -> store.lockInterruptible(session, deleted.queueId(), now)
                .chain(conversations -> Multi.createFrom().iterable(conversations)
                        .onItem().transformToUniAndConcatenate(loaded -> {
                            reactions.queueDeleted(loaded.timeline(), queueName);
                            return store.save(session, loaded);
                        })
                        .collect().last().replaceWithVoid()));
    }

    /**
     * Applies {@code work} in one transaction unless the inbox has seen the event, then wakes the outbox relay; a
     * failure retrying cannot fix is logged and the event skipped.
     */
    private Uni<Void> applyOnce(RoutingEvent event, Function<Mutiny.Session, Uni<Void>> work) {
        return transactions.inTransaction(ROUTING_EVENT, event.eventId(),
                        session -> Inbox.firstDelivery(session, inboxKey(event))
                                .chain(first -> first ? work.apply(session) : Uni.createFrom().voidItem()))
                .invoke(outbox::wakeUp)
                .onFailure(FailureKind::isDeterministic).recoverWithUni(failure -> skip(event, failure));
    }

    /** Routing's decision cannot be applied, and retrying would not change that: logged in full and skipped. */
    private static Uni<Void> skip(RoutingEvent event, Throwable failure) {
        LOG.errorf(failure, "Could not apply %s; skipped: %s", event.getClass().getSimpleName(), event);
        return Uni.createFrom().voidItem();
    }

    private static String inboxKey(RoutingEvent event) {
        return "routing:" + event.eventId();
    }
}
