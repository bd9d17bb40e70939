package com.livechat.routing.domain;

import com.livechat.routing.config.RoutingConfig;
import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationEvent.AgentOfferRequested;
import com.livechat.contracts.events.ConversationEvent.ConversationQueued;
import com.livechat.contracts.events.ConversationEvent.ConversationStateChanged;
import com.livechat.contracts.events.ConversationEvent.ParticipantStateChanged;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.RoutingCommand;
import com.livechat.contracts.events.RoutingCommand.AcceptOffer;
import com.livechat.contracts.events.RoutingCommand.ChangeAgentState;
import com.livechat.contracts.events.RoutingCommand.DeclineOffer;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.WithdrawReason;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every routing decision taken on an input: agent commands, conversation events and the expiry scans. Each public
 * method is one locked transaction (see {@link DecisionRunner}) that ends by offering whatever can now be offered.
 */
@ApplicationScoped
public class RoutingEngine {

    private static final Logger LOG = Logger.getLogger(RoutingEngine.class);

    /** The conversation no longer needs routing: it leaves its queue and any pending offer is cancelled. */
    private static final Set<ConversationState> ROUTING_OVER = EnumSet.of(ConversationState.ABANDONED,
            ConversationState.ENDED, ConversationState.CLOSED, ConversationState.INTERRUPTED);
    /** The agent left the chat (or never joined it): the slot it held is free again. */
    private static final Set<ParticipantState> PARTICIPATION_OVER = EnumSet.of(ParticipantState.WRAP_UP,
            ParticipantState.DONE, ParticipantState.WITHDRAWN);
    /** Nothing more is owed for the participation (wrap-up submitted, or never joined): the chat may come back. */
    private static final Set<ParticipantState> PARTICIPATION_SETTLED = EnumSet.of(ParticipantState.DONE,
            ParticipantState.WITHDRAWN);

    private final DecisionRunner runner;
    private final Offers offers;
    private final AgentStates agents;
    private final Dispatcher dispatcher;
    private final Duration defaultRonaTimeout;

    public RoutingEngine(DecisionRunner runner, Offers offers, AgentStates agents, Dispatcher dispatcher,
            RoutingConfig config) {
        this.runner = runner;
        this.offers = offers;
        this.agents = agents;
        this.dispatcher = dispatcher;
        this.defaultRonaTimeout = config.defaultRonaTimeout();
    }

    // ---- agent commands ------------------------------------------------------------------------------------------

    /**
     * Decides a batch of agent commands (one Kafka poll) in one locked transaction, in order, then offers what can
     * be offered. Commands already processed are skipped; a refused command is answered with
     * {@code RoutingCommandRejected}.
     */
    public Uni<Void> decideCommands(List<RoutingCommand> commands) {
        return runner.runInputs("RoutingCommands", commands, RoutingCommand::commandId, this::loadInvolved,
                (decision, command) -> decide(decision, command)
                        .onFailure(Refusal.class).recoverWithUni(refusal -> {
                            Refusal r = (Refusal) refusal;
                            decision.publish(new RoutingEvent.RoutingCommandRejected(Decision.newId(), decision.now(),
                                    command.commandId(), command.agentId(), conversationOf(command), r.code(),
                                    r.getMessage()));
                            return Uni.createFrom().voidItem();
                        }),
                this::offerAndPublishLoads);
    }

    /** Loads the agents and offers that a batch of commands names, in two queries, before deciding them one by one. */
    private Uni<Void> loadInvolved(Decision decision, List<RoutingCommand> commands) {
        Set<String> offerIds = commands.stream().map(RoutingEngine::offerOf).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Set<String> agentIds = commands.stream().map(RoutingCommand::agentId).collect(Collectors.toSet());
        Uni<?> loadedOffers = offerIds.isEmpty() ? Uni.createFrom().voidItem() : decision.session()
                .createSelectionQuery("from Offer o where o.id in :ids", Offer.class)
                .setParameter("ids", offerIds)
                .getResultList();
        return loadedOffers.chain(() -> agents.findAll(decision, agentIds)).replaceWithVoid();
    }

    private Uni<Void> decide(Decision decision, RoutingCommand command) {
        if (command instanceof ChangeAgentState change) {
            return changeAgentState(decision, change);
        }
        if (command instanceof AcceptOffer accept) {
            return accept(decision, accept);
        }
        return decline(decision, (DeclineOffer) command);
    }

    private Uni<Void> changeAgentState(Decision decision, ChangeAgentState command) {
        return agents.find(decision, command.agentId()).chain(agent -> {
            if (agent == null) {
                throw new Refusal(RejectionCode.UNKNOWN_AGENT, "Unknown agent '" + command.agentId() + "'.");
            }
            Uni<Boolean> idleCodeKnown = command.state() == AgentState.IDLE && command.idleCode() != null
                    ? decision.session().find(IdleCode.class, command.idleCode()).map(Objects::nonNull)
                    : Uni.createFrom().item(false);
            return idleCodeKnown.chain(known -> {
                AgentStateRules.checkRequest(agent.state, command.state(), command.idleCode(), known);
                String reason = command.reason() == null || command.reason().isBlank()
                        ? "Requested by the agent" : command.reason();
                return agents.change(decision, agent, command.state(), command.idleCode(), reason);
            });
        });
    }

    private Uni<Void> accept(Decision decision, AcceptOffer command) {
        return pendingOfferOf(decision, command.offerId(), command.agentId(), command.conversationId())
                .chain(offer -> {
                    if (offer.isExpired(decision.now())) {
                        return noAnswer(decision, offer, WithdrawReason.RONA_TIMEOUT)
                                .invoke(() -> {
                                    throw new Refusal(RejectionCode.OFFER_NOT_PENDING,
                                            "The offer expired at " + offer.expiresAt + ".");
                                });
                    }
                    offer.accept(decision.now());
                    return agents.find(decision, offer.agentId).invoke(agent -> {
                        decision.publish(new RoutingEvent.ChatAssigned(Decision.newId(), decision.now(), offer.id,
                                offer.conversationId, offer.kind, agent.id, agent.displayName));
                        decision.loadChanged(agent.id, "Chat assigned");
                    }).replaceWithVoid();
                });
    }

    private Uni<Void> decline(Decision decision, DeclineOffer command) {
        return pendingOfferOf(decision, command.offerId(), command.agentId(), command.conversationId())
                .chain(offer -> noAnswer(decision, offer,
                        offer.isExpired(decision.now()) ? WithdrawReason.RONA_TIMEOUT : WithdrawReason.DECLINED));
    }

    private Uni<Offer> pendingOfferOf(Decision decision, String offerId, String agentId, String conversationId) {
        return offers.find(decision, offerId).invoke(offer -> {
            if (offer == null || !offer.agentId.equals(agentId)
                    || (conversationId != null && !offer.conversationId.equals(conversationId))) {
                throw new Refusal(RejectionCode.OFFER_NOT_PENDING, "No offer '" + offerId + "' for this agent.");
            }
            if (offer.status != OfferStatus.PENDING) {
                throw new Refusal(RejectionCode.OFFER_NOT_PENDING, "The offer is already " + offer.status + ".");
            }
        });
    }

    /** RONA: the offer is withdrawn (a queue offer's chat goes back to the head of its queue), the agent to RONA. */
    private Uni<Void> noAnswer(Decision decision, Offer offer, WithdrawReason reason) {
        String why = reason == WithdrawReason.DECLINED
                ? "Declined an offer" : "No answer to an offer within the RONA timeout";
        return offers.withdraw(decision, offer, reason).chain(() -> agents.enterRona(decision, offer.agentId, why));
    }

    // ---- conversation events -------------------------------------------------------------------------------------

    /** Whether routing acts on this conversation event; others are skipped without a transaction. */
    public static boolean concernsRouting(ConversationEvent event) {
        return event instanceof ConversationQueued || event instanceof AgentOfferRequested
                || (event instanceof ParticipantStateChanged changed && PARTICIPATION_OVER.contains(changed.to()))
                || (event instanceof ConversationStateChanged changed && ROUTING_OVER.contains(changed.to()));
    }

    /**
     * Decides a batch of conversation events (one Kafka poll) in one locked transaction, in order, then offers what
     * can be offered. Events already processed, and events routing does not act on, are skipped.
     */
    public Uni<Void> decideEvents(List<ConversationEvent> events) {
        List<ConversationEvent> relevant = events.stream().filter(RoutingEngine::concernsRouting).toList();
        if (relevant.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return runner.runInputs("ConversationEvents", relevant, ConversationEvent::eventId,
                (decision, batch) -> Uni.createFrom().voidItem(), this::decide, this::offerAndPublishLoads);
    }

    /** The end of every batch: offer what can now be offered, then publish the agents' new loads. */
    private Uni<Void> offerAndPublishLoads(Decision decision) {
        return dispatcher.dispatch(decision).chain(() -> agents.publishLoadChanges(decision));
    }

    private Uni<Void> decide(Decision decision, ConversationEvent event) {
        if (event instanceof ConversationQueued queued) {
            return enqueue(decision, queued);
        }
        if (event instanceof AgentOfferRequested requested) {
            return offerToNamedAgent(decision, requested);
        }
        if (event instanceof ParticipantStateChanged changed) {
            return participationEnded(decision, changed);
        }
        return routingOver(decision, (ConversationStateChanged) event);
    }

    private Uni<Void> enqueue(Decision decision, ConversationQueued event) {
        String conversationId = event.conversationId();
        Instant waitingSince = firstNonNull(event.waitingSince(), event.occurredAt(), decision.now());
        return cancelPendingOffer(decision, conversationId)
                .chain(() -> event.queueId() == null
                        ? Uni.createFrom().<RoutingQueue>nullItem()
                        : decision.session().find(RoutingQueue.class, event.queueId()))
                .chain(queue -> decision.session().find(WaitingChat.class, conversationId).chain(chat -> {
                    if (queue == null) {
                        // Unknown or deleted queue: the conversation service tells the customer.
                        decision.publish(new RoutingEvent.QueueTimedOut(Decision.newId(), decision.now(),
                                conversationId, event.queueId()));
                        return chat == null ? Uni.createFrom().voidItem() : decision.session().remove(chat);
                    }
                    if (chat == null) {
                        WaitingChat entering = new WaitingChat();
                        entering.conversationId = conversationId;
                        entering.queueId = queue.id;
                        entering.customerName = event.customerName();
                        entering.proactive = event.proactive();
                        entering.waitingSince = waitingSince;
                        entering.enteredQueueAt = decision.now();
                        return decision.session().persist(entering);
                    }
                    if (!chat.queueId.equals(queue.id)) {
                        chat.queueId = queue.id;
                        chat.enteredQueueAt = decision.now();
                    }
                    if (waitingSince.isBefore(chat.waitingSince)) {
                        chat.waitingSince = waitingSince;
                    }
                    chat.customerName = event.customerName();
                    chat.proactive = event.proactive();
                    return Uni.createFrom().voidItem();
                }));
    }

    /** Transfer to an agent and conference: a direct offer through the same offer/RONA machinery. */
    private Uni<Void> offerToNamedAgent(Decision decision, AgentOfferRequested event) {
        OfferKind kind = event.kind() == null ? OfferKind.TRANSFER : event.kind();
        return agents.find(decision, event.agentId()).chain(agent -> unavailableReason(decision, agent, event)
                .chain(unavailable -> {
                    if (unavailable != null) {
                        LOG.debugf("No %s offer of %s to %s: %s", kind, event.conversationId(), event.agentId(), unavailable);
                        decision.publish(new RoutingEvent.OfferWithdrawn(Decision.newId(), decision.now(),
                                Decision.newId(), event.conversationId(), kind, event.agentId(),
                                WithdrawReason.UNAVAILABLE));
                        return Uni.createFrom().voidItem();
                    }
                    return (event.queueId() == null
                            ? Uni.createFrom().<RoutingQueue>nullItem()
                            : decision.session().find(RoutingQueue.class, event.queueId()))
                            .chain(queue -> offers.open(decision, agent, new OfferDraft(event.conversationId(), kind,
                                    event.queueId(), event.queueName() != null || queue == null ? event.queueName() : queue.name,
                                    event.customerName(), event.proactive(),
                                    firstNonNull(event.waitingSince(), event.occurredAt(), decision.now()), null,
                                    event.requestedBy()), queue == null ? defaultRonaTimeout : queue.ronaTimeout()))
                            .replaceWithVoid();
                }));
    }

    /** Why the named agent cannot be offered the chat now, or null when they can. */
    private Uni<String> unavailableReason(Decision decision, Agent agent, AgentOfferRequested event) {
        if (agent == null) {
            return Uni.createFrom().item("unknown agent");
        }
        if (!AgentStateRules.receivesOffers(agent.state)) {
            return Uni.createFrom().item("agent is " + agent.state);
        }
        if (event.kind() == OfferKind.QUEUE) {
            return Uni.createFrom().item("a direct offer is a TRANSFER or a CONFERENCE");
        }
        return offers.pendingFor(decision, event.conversationId()).chain(pending -> {
            if (pending != null) {
                return Uni.createFrom().item("the chat already has a pending offer");
            }
            return offers.unsettledParticipations(decision, event.conversationId()).chain(participations -> {
                if (participations.stream().anyMatch(offer -> offer.agentId.equals(agent.id))) {
                    // In the chat, or still wrapping up an earlier part in it: one open participation per agent.
                    return Uni.createFrom().item("agent's participation in the chat is not settled");
                }
                return offers.slotsTaken(decision, List.of(agent.id)).map(taken ->
                        taken.getOrDefault(agent.id, 0) >= agent.capacity ? "agent has no free capacity" : null);
            });
        });
    }

    private Uni<Void> participationEnded(Decision decision, ParticipantStateChanged event) {
        Uni<Void> cancelled = event.to() == ParticipantState.WITHDRAWN
                ? offers.pendingFor(decision, event.conversationId()).chain(pending -> pending != null
                        && pending.agentId.equals(event.agentId())
                        ? offers.withdraw(decision, pending, WithdrawReason.CANCELLED)
                        : Uni.createFrom().voidItem())
                : Uni.createFrom().voidItem();
        // The unsettled participations include the active assignments (a settled offer is always released).
        return cancelled.chain(() -> offers.unsettledParticipations(decision, event.conversationId()))
                .invoke(unsettled -> {
                    List<Offer> agents = unsettled.stream()
                            .filter(offer -> offer.agentId.equals(event.agentId())).toList();
                    releaseActive(decision, agents);
                    if (PARTICIPATION_SETTLED.contains(event.to())) {
                        settle(decision, agents);
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> routingOver(Decision decision, ConversationStateChanged event) {
        String conversationId = event.conversationId();
        return decision.session().find(WaitingChat.class, conversationId)
                .chain(chat -> chat == null ? Uni.createFrom().voidItem() : decision.session().remove(chat))
                .chain(() -> cancelPendingOffer(decision, conversationId))
                // CLOSED means every participation is over: a slot still held would be a leak.
                .chain(() -> event.to() == ConversationState.CLOSED
                        ? offers.unsettledParticipations(decision, conversationId)
                                .invoke(unsettled -> {
                                    releaseActive(decision, unsettled);
                                    settle(decision, unsettled);
                                })
                                .replaceWithVoid()
                        : Uni.createFrom().voidItem());
    }

    private Uni<Void> cancelPendingOffer(Decision decision, String conversationId) {
        return offers.pendingFor(decision, conversationId).chain(pending -> pending == null
                ? Uni.createFrom().voidItem()
                : offers.withdraw(decision, pending, WithdrawReason.CANCELLED));
    }

    /** Frees the slots of those participations that still hold one (not released yet). */
    private static void releaseActive(Decision decision, List<Offer> participations) {
        participations.stream().filter(offer -> offer.releasedAt == null).forEach(offer -> {
            offer.release(decision.now());
            decision.loadChanged(offer.agentId, "Chat released");
        });
    }

    /** The participations are over for good: the chat may be offered to those agents again. */
    private static void settle(Decision decision, List<Offer> participations) {
        participations.forEach(offer -> offer.settle(decision.now()));
    }

    // ---- scans ---------------------------------------------------------------------------------------------------

    /** RONA for every pending offer whose expiry passed; returns how many expired. */
    public Uni<Integer> expireOffers() {
        return runner.run("ExpireOffers", decision -> decision.session().flush().chain(() -> decision.session()
                        .createSelectionQuery("from Offer o where o.status = :pending and o.expiresAt <= :now"
                                + " order by o.expiresAt, o.id", Offer.class)
                        .setParameter("pending", OfferStatus.PENDING)
                        .setParameter("now", decision.now())
                        .getResultList())
                .chain(expired -> Multi.createFrom().iterable(expired)
                        // An earlier one may have taken this agent to RONA, which withdrew their other offers.
                        .onItem().transformToUniAndConcatenate(offer -> offer.status == OfferStatus.PENDING
                                ? noAnswer(decision, offer, WithdrawReason.RONA_TIMEOUT)
                                : Uni.createFrom().voidItem())
                        .collect().last()
                        .chain(() -> dispatcher.dispatch(decision))
                        .replaceWith(expired.size())));
    }

    /** Takes out of their queue the chats that waited longer than its maximum time; returns how many. */
    public Uni<Integer> timeOutWaitingChats() {
        return runner.run("QueueTimeouts", decision -> decision.session().flush()
                .chain(() -> decision.session()
                        .createNativeQuery("select w.conversation_id from waiting_chat w"
                                + " join routing_queue q on q.id = w.queue_id where q.max_wait_seconds is not null"
                                + " and w.entered_queue_at + make_interval(secs => q.max_wait_seconds) <= :now", String.class)
                        .setParameter("now", decision.now())
                        .getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<WaitingChat>of()) : decision.session()
                        .createSelectionQuery("from WaitingChat w where w.conversationId in :ids"
                                + " order by w.waitingSince, w.conversationId", WaitingChat.class)
                        .setParameter("ids", ids)
                        .getResultList())
                .chain(overdue -> Multi.createFrom().iterable(overdue)
                        .onItem().transformToUniAndConcatenate(chat -> {
                            decision.publish(new RoutingEvent.QueueTimedOut(Decision.newId(), decision.now(),
                                    chat.conversationId, chat.queueId));
                            return decision.session().remove(chat);
                        })
                        .collect().last()
                        .replaceWith(overdue.size())));
    }

    private static String offerOf(RoutingCommand command) {
        if (command instanceof AcceptOffer accept) {
            return accept.offerId();
        }
        return command instanceof DeclineOffer decline ? decline.offerId() : null;
    }

    private static String conversationOf(RoutingCommand command) {
        if (command instanceof AcceptOffer accept) {
            return accept.conversationId();
        }
        return command instanceof DeclineOffer decline ? decline.conversationId() : null;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
