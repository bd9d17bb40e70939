package com.livechat.gateway.command;

import com.livechat.gateway.projection.ConversationStore;
import com.livechat.gateway.projection.ConversationStore.Access;
import com.livechat.gateway.projection.OfferStore;
import com.livechat.gateway.projection.PresenceStore;
import com.livechat.gateway.projection.ReferenceStore;
import com.livechat.gateway.projection.ReferenceStore.Kind;
import com.livechat.gateway.refusal.Refusal;
import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.RoutingCommand;
import com.livechat.contracts.events.RoutingEvent.ChatOffered;
import com.livechat.contracts.events.SenderType;
import com.livechat.contracts.events.TransferTargetType;
import com.livechat.platform.validation.MessageRules;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Optional;

import static com.livechat.gateway.command.CommandBus.newCommandId;

/**
 * Everything an agent asks for, from REST or the socket: the checks the gateway can make from its projections (a
 * {@link Refusal} at once), then the command to Kafka. Each returns the command's id once the
 * broker has acknowledged it; a later refusal by the owning service carries that id as correlation id.
 */
@ApplicationScoped
public class AgentCommands {

    private final CommandBus publisher;
    private final ConversationStore conversations;
    private final OfferStore offers;
    private final PresenceStore presence;
    private final ReferenceStore reference;
    private final Clock clock;

    public AgentCommands(CommandBus publisher, ConversationStore conversations, OfferStore offers,
            PresenceStore presence, ReferenceStore reference, Clock clock) {
        this.publisher = publisher;
        this.conversations = conversations;
        this.offers = offers;
        this.presence = presence;
        this.reference = reference;
        this.clock = clock;
    }

    public Uni<String> changeState(String agentId, AgentState target, String idleCode) {
        if (target == null || target == AgentState.RONA) {
            return Uni.createFrom().failure(Refusal.invalid(RejectionCode.ILLEGAL_STATE.name(),
                    "state must be AVAILABLE, IDLE or LOGGED_OUT."));
        }
        Uni<Void> idleCodeCheck = Uni.createFrom().voidItem();
        if (target == AgentState.IDLE) {
            if (idleCode == null || idleCode.isBlank()) {
                return Uni.createFrom().failure(Refusal.badReference(RejectionCode.UNKNOWN_IDLE_CODE,
                        "IDLE needs an idle code (see GET /api/idle-codes)."));
            }
            idleCodeCheck = reference.find(Kind.IDLE_CODE, idleCode).invoke(code -> {
                if (code.isEmpty()) {
                    throw Refusal.badReference(RejectionCode.UNKNOWN_IDLE_CODE, "Unknown idle code " + idleCode + ".");
                }
            }).replaceWithVoid();
        }
        // Whether the move is allowed from the current state is routing's decision: the presence projection may
        // trail the agent's own previous request (AVAILABLE then LOGGED_OUT at once), and a refusal comes back
        // as an error frame.
        return idleCodeCheck.chain(() -> publisher.sendReturningId(new RoutingCommand.ChangeAgentState(
                newCommandId(), agentId, clock.instant(), target, target == AgentState.IDLE ? idleCode : null,
                "AGENT_REQUEST")));
    }

    public Uni<String> acceptOffer(String agentId, String offerId) {
        return pendingOffer(agentId, offerId).chain(offer -> publisher.sendReturningId(new RoutingCommand.AcceptOffer(
                newCommandId(), agentId, clock.instant(), offerId, offer.conversationId())));
    }

    public Uni<String> declineOffer(String agentId, String offerId) {
        return pendingOffer(agentId, offerId).chain(offer -> publisher.sendReturningId(new RoutingCommand.DeclineOffer(
                newCommandId(), agentId, clock.instant(), offerId, offer.conversationId())));
    }

    public Uni<String> postMessage(String agentId, String conversationId, String clientMessageId, String text) {
        var violation = MessageRules.checkAgentMessage(text);
        if (violation.isPresent()) {
            return Uni.createFrom().failure(Refusal.invalidMessage(violation.get()));
        }
        return requireWriting(agentId, conversationId).chain(() -> publisher.sendReturningId(
                new ConversationCommand.PostMessage(newCommandId(), conversationId, clock.instant(), clientMessageId,
                        SenderType.AGENT, agentId, text)));
    }

    public Uni<String> sendTemplate(String agentId, String conversationId, String templateId, String clientMessageId) {
        return reference.find(Kind.TEMPLATE, templateId).invoke(template -> {
            if (template.isEmpty()) {
                throw Refusal.unknown(RejectionCode.UNKNOWN_TEMPLATE, "Template " + templateId + " was not found.");
            }
        }).chain(() -> requireWriting(agentId, conversationId)).chain(() -> publisher.sendReturningId(
                new ConversationCommand.SendTemplate(newCommandId(), conversationId, clock.instant(), clientMessageId,
                        agentId, templateId)));
    }

    /**
     * A read receipt from an agent who joined the chat (in it, wrapping up or done with it); an offer only, or a
     * withdrawn one, is refused ({@code ILLEGAL_STATE}). A seq beyond the last projected message: {@code UNKNOWN_SEQ}.
     */
    public Uni<String> markRead(String agentId, String conversationId, long seq) {
        return requireParticipation(agentId, conversationId).invoke(access -> {
            if (access.participantState() == ParticipantState.OFFERED
                    || access.participantState() == ParticipantState.WITHDRAWN) {
                throw Refusal.illegalState("Accept the offer before marking the chat read.");
            }
        }).chain(() -> CustomerCommands.requireKnownMessageSeq(conversations, conversationId, seq))
                .chain(() -> publisher.sendReturningId(new ConversationCommand.MarkRead(newCommandId(),
                        conversationId, clock.instant(), SenderType.AGENT, agentId, seq)));
    }

    public Uni<String> end(String agentId, String conversationId) {
        return requireParticipation(agentId, conversationId).chain(access -> {
            if (!access.isInConversation()) {
                throw Refusal.illegalState("You are not in this conversation any more (" + access.participantState() + ").");
            }
            return publisher.sendReturningId(new ConversationCommand.EndByAgent(newCommandId(), conversationId,
                    clock.instant(), agentId));
        });
    }

    public Uni<String> wrapUp(String agentId, String conversationId, String reasonCode, String note) {
        var violation = MessageRules.checkWrapUpNote(note);
        if (violation.isPresent()) {
            return Uni.createFrom().failure(Refusal.invalidMessage(violation.get()));
        }
        return requireParticipation(agentId, conversationId).chain(access -> {
            // In the conversation is fine too: an "end" just sent goes first on the conversation's ordered path.
            if (access.participantState() != ParticipantState.WRAP_UP && !access.isInConversation()) {
                throw Refusal.illegalState("There is nothing to wrap up: you are " + access.participantState() + ".");
            }
            return reference.find(Kind.WRAP_UP_REASON, reasonCode);
        }).chain(reason -> {
            if (reason.isEmpty()) {
                throw Refusal.badReference(RejectionCode.UNKNOWN_WRAP_UP_REASON, "Unknown wrap-up reason " + reasonCode + ".");
            }
            return publisher.sendReturningId(new ConversationCommand.SubmitWrapUp(newCommandId(), conversationId,
                    clock.instant(), agentId, reasonCode, note));
        });
    }

    public Uni<String> transfer(String agentId, String conversationId, TransferTargetType targetType, String targetId) {
        return requireActiveInConnected(agentId, conversationId).chain(() -> {
            if (targetType == TransferTargetType.QUEUE) {
                return reference.find(Kind.QUEUE, targetId).map(queue -> queue.orElseThrow(
                        () -> Refusal.unknown(RejectionCode.UNKNOWN_QUEUE, "Queue " + targetId + " was not found.")).name());
            }
            return colleagueForChat(agentId, conversationId, targetId);
        }).chain(targetName -> publisher.sendReturningId(new ConversationCommand.RequestTransfer(newCommandId(),
                conversationId, clock.instant(), agentId, targetType, targetId, targetName)));
    }

    public Uni<String> conference(String agentId, String conversationId, String inviteeId) {
        return requireActiveInConnected(agentId, conversationId)
                .chain(() -> colleagueForChat(agentId, conversationId, inviteeId))
                .chain(inviteeName -> publisher.sendReturningId(new ConversationCommand.RequestConference(
                        newCommandId(), conversationId, clock.instant(), agentId, inviteeId, inviteeName)));
    }

    public Uni<String> endConference(String agentId, String conversationId) {
        return requireParticipation(agentId, conversationId).chain(access -> {
            if (access.participantState() != ParticipantState.CONFERENCE) {
                throw Refusal.illegalState("You are not in a conference in this conversation.");
            }
            return publisher.sendReturningId(new ConversationCommand.EndConference(newCommandId(), conversationId,
                    clock.instant(), agentId));
        });
    }

    /** The conversation as the agent may see it: a pending offer or a participation, else not found. */
    public Uni<Access> requireReadable(String agentId, String conversationId) {
        return conversations.access(conversationId, agentId).invoke(access -> {
            if (!access.canRead()) {
                throw Refusal.conversationNotFound(conversationId);
            }
        });
    }

    private Uni<Access> requireParticipation(String agentId, String conversationId) {
        return requireReadable(agentId, conversationId).invoke(access -> {
            if (access.participantState() == null) {
                throw Refusal.illegalState("Accept the offer before acting on this conversation.");
            }
        });
    }

    private Uni<Void> requireWriting(String agentId, String conversationId) {
        return requireParticipation(agentId, conversationId).chain(access -> {
            if (!access.isInConversation()) {
                throw Refusal.illegalState("You are not in this conversation any more (" + access.participantState() + ").");
            }
            return requireConversationState(conversationId, ConversationState.CONNECTED);
        });
    }

    private Uni<Void> requireActiveInConnected(String agentId, String conversationId) {
        return requireParticipation(agentId, conversationId).chain(access -> {
            if (access.participantState() != ParticipantState.ACTIVE) {
                throw Refusal.illegalState("Only an agent who accepted the chat and is alone in it can do this; you are "
                        + access.participantState() + ".");
            }
            return requireConversationState(conversationId, ConversationState.CONNECTED);
        });
    }

    private Uni<Void> requireConversationState(String conversationId, ConversationState required) {
        return conversations.summary(conversationId).invoke(summary -> {
            ConversationState state = summary.map(ConversationStore.Summary::state).orElse(null);
            if (state != required) {
                throw Refusal.illegalState("The conversation is " + state + ", not " + required + ".");
            }
        }).replaceWithVoid();
    }

    /**
     * The display name of a colleague who may be handed this conversation (transfer) or invited into it (conference):
     * one who may take a chat now ({@link Colleagues}) and is not still taking part in it.
     */
    private Uni<String> colleagueForChat(String agentId, String conversationId, String colleagueId) {
        return presence.find(colleagueId).chain(colleague -> conversations.access(conversationId, colleagueId)
                .map(access -> {
                    Optional<Refusal> notThem = Colleagues.whyNotTakeTheChat(agentId, colleagueId, colleague);
                    // Choosing oneself is answered as such, though one is of course still part of the conversation.
                    if (notThem.isPresent() && agentId.equals(colleagueId)) {
                        throw notThem.get();
                    }
                    // A second participation in the same chat while the first is not settled: both would share the
                    // one (conversation, agent) projection row, and the agent could be locked out of the chat or of
                    // its wrap-up.
                    if (access.isUnsettled()) {
                        throw Refusal.illegalState(colleagueId + " is still part of this conversation ("
                                + (access.participantState() == null ? "offered" : access.participantState())
                                + "); choose them once their part in it is over (wrap-up recorded).");
                    }
                    notThem.ifPresent(refusal -> {
                        throw refusal;
                    });
                    String name = colleague.orElseThrow().displayName();
                    return name == null ? colleagueId : name;
                }));
    }

    private Uni<ChatOffered> pendingOffer(String agentId, String offerId) {
        return offers.findPending(offerId, agentId).map(offer -> offer.orElseThrow(() -> Refusal.unknown(
                RejectionCode.OFFER_NOT_PENDING, "Offer " + offerId + " is not pending for you.")));
    }
}
