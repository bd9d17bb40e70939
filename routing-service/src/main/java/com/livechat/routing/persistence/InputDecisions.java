package com.livechat.routing.persistence;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationEvent.AgentOfferRequested;
import com.livechat.contracts.events.ConversationEvent.ConversationQueued;
import com.livechat.contracts.events.ConversationEvent.ParticipantStateChanged;
import com.livechat.contracts.events.RoutingCommand;
import com.livechat.contracts.events.RoutingCommand.ChangeAgentState;
import com.livechat.routing.domain.AgentCommands;
import com.livechat.routing.domain.ConversationReactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Objects;

/**
 * Decides the inputs read from Kafka, a poll at a time: each poll is one locked transaction that loads what its
 * inputs name, lets the core decide them in order ({@link AgentCommands}, {@link ConversationReactions}), writes the
 * result back, then offers what can be offered.
 */
@ApplicationScoped
public class InputDecisions {

    private final RoutingTransactions transactions;
    private final ConversationReactions reactions;

    public InputDecisions(RoutingTransactions transactions, ConversationReactions reactions) {
        this.transactions = transactions;
        this.reactions = reactions;
    }

    /**
     * Decides a batch of agent commands. Commands already processed are skipped; a refused command is answered
     * with {@code RoutingCommandRejected}. A batch of accepts only is not followed by a dispatch
     * ({@link AgentCommands#decide}: nothing new to offer).
     */
    public Uni<Void> decideCommands(List<RoutingCommand> commands) {
        return transactions.runInputs("RoutingCommands", commands, RoutingCommand::commandId, (decision, fresh) -> {
            Scope scope = Scope.of()
                    .agentsWithOffers(fresh.stream().map(RoutingCommand::agentId).toList())
                    .offers(fresh.stream().map(AgentCommands::offerOf).filter(Objects::nonNull).toList())
                    .idleCodes(fresh.stream().map(InputDecisions::idleCodeOf).filter(Objects::nonNull).toList());
            return transactions.decide(decision, scope, state -> {
                boolean dispatchDue = false;
                for (RoutingCommand command : fresh) {
                    dispatchDue |= AgentCommands.decide(state, command);
                }
                return dispatchDue;
            }, dispatchDue -> dispatchDue).replaceWithVoid();
        });
    }

    /**
     * Decides a batch of conversation events. Events already processed, and events routing does not act on, are
     * skipped.
     */
    public Uni<Void> decideEvents(List<ConversationEvent> events) {
        List<ConversationEvent> relevant = events.stream().filter(ConversationReactions::concernsRouting).toList();
        if (relevant.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return transactions.runInputs("ConversationEvents", relevant, ConversationEvent::eventId, (decision, all) -> {
            List<ConversationEvent> fresh = all.stream()
                    .filter(event -> !ConversationReactions.erasesCustomerData(event)).toList();
            List<String> erased = all.stream().filter(ConversationReactions::erasesCustomerData)
                    .map(ConversationEvent::conversationId).toList();
            Scope scope = Scope.of()
                    .conversations(fresh.stream().map(ConversationEvent::conversationId).toList())
                    .agents(fresh.stream().map(InputDecisions::agentOf).filter(Objects::nonNull).toList())
                    .queues(fresh.stream().map(InputDecisions::queueOf).filter(Objects::nonNull).toList());
            Uni<Void> decided = fresh.isEmpty() ? Uni.createFrom().voidItem()
                    : transactions.decide(decision, scope, state -> {
                        fresh.forEach(event -> reactions.decide(state, event));
                        return fresh.size();
                    }, count -> true).replaceWithVoid();
            // After what came before in the poll, in the same transaction: the erasure is what stays.
            return erased.isEmpty() ? decided
                    : decided.chain(() -> RoutingStore.eraseCustomerNames(decision.session(), erased));
        });
    }

    private static String idleCodeOf(RoutingCommand command) {
        return command instanceof ChangeAgentState change && change.state() == AgentState.IDLE
                ? change.idleCode() : null;
    }

    private static String agentOf(ConversationEvent event) {
        if (event instanceof AgentOfferRequested requested) {
            return requested.agentId();
        }
        return event instanceof ParticipantStateChanged changed ? changed.agentId() : null;
    }

    private static String queueOf(ConversationEvent event) {
        if (event instanceof ConversationQueued queued) {
            return queued.queueId();
        }
        return event instanceof AgentOfferRequested requested ? requested.queueId() : null;
    }
}
