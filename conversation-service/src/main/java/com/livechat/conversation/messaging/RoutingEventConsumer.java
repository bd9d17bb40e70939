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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Follows routing's decisions from {@link Topics#ROUTING_EVENTS}, a poll at a time: offers, assignments, withdrawals,
 * queue time-outs and deleted queues. The poll's events are applied in one transaction (their conversations locked at
 * the start, in id order), in the order read, with each id recorded (inbox), so a replay changes nothing. Events about
 * agents and queue positions do not concern conversations and are skipped. While the database is unavailable the poll
 * waits ({@link Transactions}); if it fails in a way retrying cannot fix, its events are applied one by one, each in
 * its own transaction, and the one that can never be applied is logged and skipped.
 */
@ApplicationScoped
public class RoutingEventConsumer {

    private static final Logger LOG = Logger.getLogger(RoutingEventConsumer.class);
    private static final String ROUTING_EVENT = "routing event";
    private static final String BATCH = "routing event batch";

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
    public Uni<Void> consume(List<RoutingEvent> batch) {
        List<RoutingEvent> events = new ArrayList<>(batch.size());
        for (RoutingEvent event : batch) {
            if (event == null || event.eventId() == null) {
                LOG.warnf("Ignoring a routing event without event id: %s", event);
            } else if (concernsConversations(event)) {
                events.add(event);
            }
        }
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (events.size() == 1) {
            return consumeOne(events.get(0));
        }
        return transactions.inTransaction(BATCH, events.get(0).eventId() + " +" + (events.size() - 1),
                        session -> applyAll(session, events))
                .invoke(outbox::wakeUp)
                .onFailure(FailureKind::isDeterministic).recoverWithUni(failure -> {
                    LOG.debugf("A poll of %d routing events failed (%s); applying them one by one", events.size(),
                            failure);
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (RoutingEvent event : events) {
                        chain = chain.chain(() -> consumeOne(event));
                    }
                    return chain;
                });
    }

    private static boolean concernsConversations(RoutingEvent event) {
        return event instanceof RoutingEvent.ChatOffered || event instanceof RoutingEvent.ChatAssigned
                || event instanceof RoutingEvent.OfferWithdrawn || event instanceof RoutingEvent.QueueTimedOut
                || event instanceof RoutingEvent.QueueDeleted;
    }

    /**
     * The poll in the caller's transaction: ids recorded, conversations locked and read in id order
     * ({@link PollTransaction}), then each event in order, the writes and events of all of them at the end.
     */
    private Uni<Void> applyAll(Mutiny.Session session, List<RoutingEvent> events) {
        List<String> conversationIds = events.stream().map(RoutingEventConsumer::conversationOf)
                .filter(Objects::nonNull).toList();
        return Inbox.firstDeliveries(session, events.stream().map(RoutingEventConsumer::inboxKey).toList())
                .chain(firstSeen -> PollTransaction.forConversations(session, store, conversationIds).chain(poll -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (RoutingEvent event : events) {
                        // remove(): an event listed twice in one poll is applied once.
                        if (firstSeen.remove(inboxKey(event))) {
                            chain = chain.chain(() -> apply(session, poll, event));
                        }
                    }
                    return chain.chain(() -> poll.finish(session));
                }));
    }

    /** One event in its own transaction, unless the inbox has seen it; one that can never be applied is skipped. */
    private Uni<Void> consumeOne(RoutingEvent event) {
        return transactions.inTransaction(ROUTING_EVENT, event.eventId(), session -> applyAll(session, List.of(event)))
                .invoke(outbox::wakeUp)
                .onFailure(FailureKind::isDeterministic).recoverWithUni(failure -> skip(event, failure));
    }

    /** The conversation an event is about, null for a deleted queue. */
    private static String conversationOf(RoutingEvent event) {
        if (event instanceof RoutingEvent.ChatOffered offered) {
            return offered.conversationId();
        } else if (event instanceof RoutingEvent.ChatAssigned assigned) {
            return assigned.conversationId();
        } else if (event instanceof RoutingEvent.OfferWithdrawn withdrawn) {
            return withdrawn.conversationId();
        } else if (event instanceof RoutingEvent.QueueTimedOut timedOut) {
            return timedOut.conversationId();
        }
        return null;
    }

    /** Applies one event of {@code poll} (the inbox already checked). */
    private Uni<Void> apply(Mutiny.Session session, PollTransaction poll, RoutingEvent event) {
        Instant now = Timestamps.stored(clock.instant());
        if (event instanceof RoutingEvent.ChatOffered offered) {
            return onConversation(session, poll, event, offered.conversationId(), now, timeline -> {
                reactions.chatOffered(timeline, offered);
                if (offered.kind() != OfferKind.CONFERENCE) {
                    inactivity.offered(timeline, offered.inactivityWarningSeconds(), offered.inactivityGraceSeconds());
                }
            });
        }
        if (event instanceof RoutingEvent.ChatAssigned assigned) {
            return onConversation(session, poll, event, assigned.conversationId(), now,
                    timeline -> {
                        reactions.chatAssigned(timeline, assigned);
                        if (assigned.kind() != OfferKind.CONFERENCE) {
                            inactivity.restart(timeline);
                        }
                    });
        }
        if (event instanceof RoutingEvent.OfferWithdrawn withdrawn) {
            return onConversation(session, poll, event, withdrawn.conversationId(), now,
                    timeline -> reactions.offerWithdrawn(timeline, withdrawn));
        }
        if (event instanceof RoutingEvent.QueueTimedOut timedOut) {
            return onConversation(session, poll, event, timedOut.conversationId(), now, reactions::queueTimedOut);
        }
        if (event instanceof RoutingEvent.QueueDeleted deleted) {
            // It locks and writes conversations on its own: what the poll decided before goes first.
            return poll.stageEvents(session).chain(() -> onQueueDeleted(session, deleted, now))
                    .chain(session::flush);
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> onConversation(Mutiny.Session session, PollTransaction poll, RoutingEvent event,
            String conversationId, Instant now, Consumer<ConversationTimeline> reaction) {
        LoadedConversation loaded = poll.conversations().load(conversationId, now);
        if (loaded == null) {
            LOG.warnf("%s names unknown conversation %s; ignored", event.getClass().getSimpleName(), conversationId);
            return Uni.createFrom().voidItem();
        }
        reaction.accept(loaded.timeline());
        return store.stage(session, loaded, poll.conversations()).invoke(() -> poll.saved(loaded, null));
    }

    /** Interrupts every conversation still depending on the deleted queue, in the caller's transaction. */
    private Uni<Void> onQueueDeleted(Mutiny.Session session, RoutingEvent.QueueDeleted deleted, Instant now) {
        String queueName = deleted.queueName() == null || deleted.queueName().isBlank() ? deleted.queueId()
                : deleted.queueName();
        return store.lockInterruptible(session, deleted.queueId(), now)
                .chain(conversations -> Multi.createFrom().iterable(conversations)
                        .onItem().transformToUniAndConcatenate(loaded -> {
                            reactions.queueDeleted(loaded.timeline(), queueName);
                            return store.save(session, loaded);
                        })
                        .collect().last().replaceWithVoid());
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
