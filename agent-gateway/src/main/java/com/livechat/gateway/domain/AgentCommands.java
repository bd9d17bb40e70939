package com.livechat.gateway.domain;

import com.livechat.gateway.domain.ConversationStore.Access;
import com.livechat.gateway.domain.ReferenceStore.Kind;
import com.livechat.gateway.messaging.CommandPublisher;
import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.RoutingCommand;
import com.livechat.contracts.events.RoutingEvent.ChatOffered;
import com.livechat.contracts.events.SenderType;
import com.livechat.contracts.events.TransferTargetType;
import com.livechat.platform.problem.ApiException;
import com.livechat.platform.validation.MessageRules;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Everything an agent asks for, from REST or the socket: the checks the gateway can make from its projections (a
 * refusal is an {@link ApiException} at once), then the command to Kafka. Each returns the command's id once the
 * broker has acknowledged it; a later refusal by the owning service carries that id as correlation id.
 */
@ApplicationScoped
public class AgentCommands {

    private final CommandPublisher publisher;
    private final ConversationStore conversations;
    private final OfferStore offers;
    private final PresenceStore presence;
    private final ReferenceStore reference;

    public AgentCommands(CommandPublisher publisher, ConversationStore conversations, OfferStore offers,
            PresenceStore presence, ReferenceStore reference) {
        this.publisher = publisher;
        this.conversations = conversations;
        this.offers = offers;
        this.presence = presence;
        this.reference = reference;
    }

    public Uni<String> changeState(String agentId, AgentState target, String idleCode) {
        if (target == null || target == AgentState.RONA) {
            return Uni.createFrom().failure(ApiException.badRequest(
                    "state must be AVAILABLE, IDLE or LOGGED_OUT.", RejectionCode.ILLEGAL_STATE.name()));
        }
        Uni<Void> idleCodeCheck = Uni.createFrom().voidItem();
        if (target == AgentState.IDLE) {
            if (idleCode == null || idleCode.isBlank()) {
                return Uni.createFrom().failure(Failures.badReference(RejectionCode.UNKNOWN_IDLE_CODE,
                        "IDLE needs an idle code (see GET /api/idle-codes)."));
            }
            idleCodeCheck = reference.find(Kind.IDLE_CODE, idleCode).invoke(code -> {
                if (code.isEmpty()) {
                    throw Failures.badReference(RejectionCode.UNKNOWN_IDLE_CODE, "Unknown idle code " + idleCode + ".");
                }
            }).replaceWithVoid();
        }
        // Whether the move is allowed from the current state is routing's decision: the presence projection may
        // trail the agent's own previous request (AVAILABLE then LOGGED_OUT at once), and a refusal comes back
        // as an error frame.
        return idleCodeCheck.chain(() -> {
            String commandId = newId();
            return publisher.send(new RoutingCommand.ChangeAgentState(commandId, agentId, Instant.now(), target,
                    target == AgentState.IDLE ? idleCode : null, "AGENT_REQUEST")).replaceWith(commandId);
        });
    }

    public Uni<String> acceptOffer(String agentId, String offerId) {
        return pendingOffer(agentId, offerId).chain(offer -> {
            String commandId = newId();
            return publisher.send(new RoutingCommand.AcceptOffer(commandId, agentId, Instant.now(), offerId,
                    offer.conversationId())).replaceWith(commandId);
        });
    }

    public Uni<String> declineOffer(String agentId, String offerId) {
        return pendingOffer(agentId, offerId).chain(offer -> {
            String commandId = newId();
            return publisher.send(new RoutingCommand.DeclineOffer(commandId, agentId, Instant.now(), offerId,
                    offer.conversationId())).replaceWith(commandId);
        });
    }

    public Uni<String> postMessage(String agentId, String conversationId, String clientMessageId, String text) {
        var violation = MessageRules.checkAgentMessage(text);
        if (violation.isPresent()) {
            return Uni.createFrom().failure(Failures.invalidMessage(violation.get()));
        }
        return requireWriting(agentId, conversationId).chain(() -> send(new ConversationCommand.PostMessage(newId(),
                conversationId, Instant.now(), clientMessageId, SenderType.AGENT, agentId, text)));
    }

    public Uni<String> sendTemplate(String agentId, String conversationId, String templateId, String clientMessageId) {
        return reference.find(Kind.TEMPLATE, templateId).invoke(template -> {
            if (template.isEmpty()) {
                throw Failures.unknown(RejectionCode.UNKNOWN_TEMPLATE, "Template " + templateId + " was not found.");
            }
        }).chain(() -> requireWriting(agentId, conversationId)).chain(() -> send(new ConversationCommand.SendTemplate(
                newId(), conversationId, Instant.now(), clientMessageId, agentId, templateId)));
    }

    public Uni<String> end(String agentId, String conversationId) {
        return requireParticipation(agentId, conversationId).chain(access -> {
            if (!access.isInConversation()) {
                throw Failures.illegalState("You are not in this conversation any more (" + access.participantState() + ").");
            }
            return send(new ConversationCommand.EndByAgent(newId(), conversationId, Instant.now(), agentId));
        });
    }

    public Uni<String> wrapUp(String agentId, String conversationId, String reasonCode, String note) {
        var violation = MessageRules.checkWrapUpNote(note);
        if (violation.isPresent()) {
            return Uni.createFrom().failure(Failures.invalidMessage(violation.get()));
        }
        return requireParticipation(agentId, conversationId).chain(access -> {
            // In the conversation is fine too: an "end" just sent goes first on the conversation's ordered path.
            if (access.participantState() != ParticipantState.WRAP_UP && !access.isInConversation()) {
                throw Failures.illegalState("There is nothing to wrap up: you are " + access.participantState() + ".");
            }
            return reference.find(Kind.WRAP_UP_REASON, reasonCode);
        }).chain(reason -> {
            if (reason.isEmpty()) {
                throw Failures.badReference(RejectionCode.UNKNOWN_WRAP_UP_REASON, "Unknown wrap-up reason " + reasonCode + ".");
            }
            return send(new ConversationCommand.SubmitWrapUp(newId(), conversationId, Instant.now(), agentId, reasonCode, note));
        });
    }

    public Uni<String> transfer(String agentId, String conversationId, TransferTargetType targetType, String targetId) {
        return requireActiveInConnected(agentId, conversationId).chain(() -> {
            if (targetType == TransferTargetType.QUEUE) {
                return reference.find(Kind.QUEUE, targetId).map(queue -> queue.orElseThrow(
                        () -> Failures.unknown(RejectionCode.UNKNOWN_QUEUE, "Queue " + targetId + " was not found.")).name());
            }
            return colleagueForChat(agentId, conversationId, targetId);
        }).chain(targetName -> send(new ConversationCommand.RequestTransfer(newId(), conversationId, Instant.now(),
                agentId, targetType, targetId, targetName)));
    }

    public Uni<String> conference(String agentId, String conversationId, String inviteeId) {
        return requireActiveInConnected(agentId, conversationId)
                .chain(() -> colleagueForChat(agentId, conversationId, inviteeId))
                .chain(inviteeName -> send(new ConversationCommand.RequestConference(newId(), conversationId,
                        Instant.now(), agentId, inviteeId, inviteeName)));
    }

    public Uni<String> endConference(String agentId, String conversationId) {
        return requireParticipation(agentId, conversationId).chain(access -> {
            if (access.participantState() != ParticipantState.CONFERENCE) {
                throw Failures.illegalState("You are not in a conference in this conversation.");
            }
            return send(new ConversationCommand.EndConference(newId(), conversationId, Instant.now(), agentId));
        });
    }

    /** The conversation as the agent may see it: a pending offer or a participation, else 404. */
    public Uni<Access> requireReadable(String agentId, String conversationId) {
        return conversations.access(conversationId, agentId).invoke(access -> {
            if (!access.canRead()) {
                throw Failures.conversationNotFound(conversationId);
            }
        });
    }

    private Uni<Access> requireParticipation(String agentId, String conversationId) {
        return requireReadable(agentId, conversationId).invoke(access -> {
            if (access.participantState() == null) {
                throw Failures.illegalState("Accept the offer before acting on this conversation.");
            }
        });
    }

    private Uni<Void> requireWriting(String agentId, String conversationId) {
        return requireParticipation(agentId, conversationId).chain(access -> {
            if (!access.isInConversation()) {
                throw Failures.illegalState("You are not in this conversation any more (" + access.participantState() + ").");
            }
            return requireConversationState(conversationId, ConversationState.CONNECTED);
        });
    }

    private Uni<Void> requireActiveInConnected(String agentId, String conversationId) {
        return requireParticipation(agentId, conversationId).chain(access -> {
            if (access.participantState() != ParticipantState.ACTIVE) {
                throw Failures.illegalState("Only an agent who accepted the chat and is alone in it can do this; you are "
                        + access.participantState() + ".");
            }
            return requireConversationState(conversationId, ConversationState.CONNECTED);
        });
    }

    private Uni<Void> requireConversationState(String conversationId, ConversationState required) {
        return conversations.summary(conversationId).invoke(summary -> {
            ConversationState state = summary.map(ConversationStore.Summary::state).orElse(null);
            if (state != required) {
                throw Failures.illegalState("The conversation is " + state + ", not " + required + ".");
            }
        }).replaceWithVoid();
    }

    /**
     * The display name of a colleague who may be handed this conversation (transfer) or invited into it (conference):
     * not the caller, not still taking part in it (409), known (404) and able to take a chat now (409).
     */
    private Uni<String> colleagueForChat(String agentId, String conversationId, String colleagueId) {
        if (agentId.equals(colleagueId)) {
            return Uni.createFrom().failure(Failures.illegalState("You cannot choose yourself."));
        }
        // A second participation in the same chat while the first is not settled: both would share the one
        // (conversation, agent) projection row, and the agent could be locked out of the chat or of its wrap-up.
        return conversations.access(conversationId, colleagueId).chain(access -> {
            if (access.isUnsettled()) {
                throw Failures.illegalState(colleagueId + " is still part of this conversation ("
                        + (access.participantState() == null ? "offered" : access.participantState())
                        + "); choose them once their part in it is over (wrap-up recorded).");
            }
            return availableColleague(colleagueId);
        });
    }

    /** The display name of a colleague who can take a chat now, else 404 (unknown) or 409 (not available). */
    private Uni<String> availableColleague(String colleagueId) {
        return presence.find(colleagueId).map(found -> {
            PresenceStore.Presence colleague = found.orElseThrow(
                    () -> Failures.unknown(RejectionCode.UNKNOWN_AGENT, "Agent " + colleagueId + " was not found."));
            if (!colleague.canTakeAChat()) {
                throw ApiException.conflict(colleague.displayName() + " is not available (" + colleague.state() + ", "
                        + colleague.activeChats() + "/" + colleague.capacity() + " chats).",
                        RejectionCode.TARGET_NOT_AVAILABLE.name());
            }
            return colleague.displayName() == null ? colleagueId : colleague.displayName();
        });
    }

    private Uni<ChatOffered> pendingOffer(String agentId, String offerId) {
        return offers.findPending(offerId, agentId).map(offer -> offer.orElseThrow(() -> new ApiException(404,
                "Not Found", "Offer " + offerId + " is not pending for you.", RejectionCode.OFFER_NOT_PENDING.name())));
    }

    private Uni<String> send(ConversationCommand command) {
        return publisher.send(command).replaceWith(command.commandId());
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
