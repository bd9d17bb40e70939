package com.livechat.routing.domain;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.RoutingCommand;
import com.livechat.contracts.events.RoutingCommand.AcceptOffer;
import com.livechat.contracts.events.RoutingCommand.ChangeAgentState;
import com.livechat.contracts.events.RoutingCommand.DeclineOffer;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.WithdrawReason;

/**
 * An agent's own commands: change state, accept an offer, decline it. A command that cannot be carried out is
 * answered with {@code RoutingCommandRejected} (its {@link Refusal} code and reason) and changes nothing else, except
 * an accept or decline that comes after the offer's deadline: that offer is withdrawn as RONA at once.
 */
public final class AgentCommands {

    private AgentCommands() {
    }

    /**
     * Decides one command on {@code state}; a refusal becomes its {@code RoutingCommandRejected}. Returns whether
     * the command may have made something offerable (a dispatch is due): false only for an accept carried out.
     * Invariant: accepting turns the agent's pending offer into an active chat, so no agent gains a free slot and no
     * chat enters a queue; every earlier decision ended with a dispatch, so there is nothing new to offer. Under a
     * burst, accepts are half of routing's decisions, and a dispatch loads every available agent and waiting chat.
     */
    public static boolean decide(RoutingState state, RoutingCommand command) {
        try {
            if (command instanceof ChangeAgentState change) {
                changeState(state, change);
            } else if (command instanceof AcceptOffer accept) {
                accept(state, accept);
                return false;
            } else {
                decline(state, (DeclineOffer) command);
            }
        } catch (Refusal refusal) {
            // An accept refused after the deadline withdrew the offer (RONA): counted as a change.
            state.publish(new RoutingEvent.RoutingCommandRejected(RoutingState.newId(), state.now(),
                    command.commandId(), command.agentId(), conversationOf(command), refusal.code(),
                    refusal.getMessage()));
        }
        return true;
    }

    /** The offer a command names, if it names one. */
    public static String offerOf(RoutingCommand command) {
        if (command instanceof AcceptOffer accept) {
            return accept.offerId();
        }
        return command instanceof DeclineOffer decline ? decline.offerId() : null;
    }

    private static void changeState(RoutingState state, ChangeAgentState command) {
        Agent agent = state.agent(command.agentId());
        if (agent == null) {
            throw new Refusal(RejectionCode.UNKNOWN_AGENT, "Unknown agent '" + command.agentId() + "'.");
        }
        boolean idleCodeKnown = command.state() == AgentState.IDLE && command.idleCode() != null
                && state.idleCode(command.idleCode()) != null;
        AgentStateRules.checkRequest(agent.state, command.state(), command.idleCode(), idleCodeKnown);
        String reason = command.reason() == null || command.reason().isBlank()
                ? "Requested by the agent" : command.reason();
        AgentStates.change(state, agent, command.state(), command.idleCode(), reason);
    }

    private static void accept(RoutingState state, AcceptOffer command) {
        Offer offer = pendingOfferOf(state, command.offerId(), command.agentId(), command.conversationId());
        if (offer.isExpired(state.now())) {
            Offers.noAnswer(state, offer, WithdrawReason.RONA_TIMEOUT);
            throw new Refusal(RejectionCode.OFFER_NOT_PENDING, "The offer expired at " + offer.expiresAt + ".");
        }
        Offers.accept(state, offer, state.agent(offer.agentId));
    }

    private static void decline(RoutingState state, DeclineOffer command) {
        Offer offer = pendingOfferOf(state, command.offerId(), command.agentId(), command.conversationId());
        Offers.noAnswer(state, offer,
                offer.isExpired(state.now()) ? WithdrawReason.RONA_TIMEOUT : WithdrawReason.DECLINED);
    }

    private static Offer pendingOfferOf(RoutingState state, String offerId, String agentId, String conversationId) {
        Offer offer = state.offer(offerId);
        if (offer == null || !offer.agentId.equals(agentId)
                || (conversationId != null && !offer.conversationId.equals(conversationId))) {
            throw new Refusal(RejectionCode.OFFER_NOT_PENDING, "No offer '" + offerId + "' for this agent.");
        }
        if (offer.status != OfferStatus.PENDING) {
            throw new Refusal(RejectionCode.OFFER_NOT_PENDING, "The offer is already " + offer.status + ".");
        }
        return offer;
    }

    private static String conversationOf(RoutingCommand command) {
        if (command instanceof AcceptOffer accept) {
            return accept.conversationId();
        }
        return command instanceof DeclineOffer decline ? decline.conversationId() : null;
    }
}
