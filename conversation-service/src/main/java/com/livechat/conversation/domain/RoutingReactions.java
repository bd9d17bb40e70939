package com.livechat.conversation.domain;

import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.QueueReason;
import com.livechat.contracts.events.RoutingEvent;

import java.util.List;
import java.util.Optional;

/**
 * How a conversation follows routing's decisions (offers, assignments, withdrawals, time-outs, deleted queues).
 * Routing events are facts, not requests: one that no longer fits the conversation (an offer accepted after the
 * customer left) is absorbed so that nothing is left half-done, never refused.
 */
public final class RoutingReactions {

    private final UnansweredTransferPolicy unansweredTransferPolicy;

    public RoutingReactions(UnansweredTransferPolicy unansweredTransferPolicy) {
        this.unansweredTransferPolicy = unansweredTransferPolicy;
    }

    /** A new participation, OFFERED; a chat waiting in its queue becomes OFFERED (a conference stays CONNECTED). */
    public void chatOffered(ConversationTimeline timeline, RoutingEvent.ChatOffered offer) {
        if (timeline.byOffer(offer.offerId()).isPresent()) {
            return;
        }
        timeline.offer(offer.offerId(), offer.agentId(), offer.agentName(), offer.kind(), offer.requestedBy());
        if (offer.kind() != OfferKind.CONFERENCE && timeline.state() == ConversationState.QUEUED) {
            timeline.moveTo(ConversationState.OFFERED, "offered to " + nameOf(offer.agentName(), offer.agentId()));
        }
    }

    /**
     * The agent accepted: they join (a conference invitee and the inviter go to CONFERENCE) and everyone sees it.
     * If the conversation can no longer take them (it ended meanwhile), the participation is WITHDRAWN so routing
     * frees the agent.
     */
    public void chatAssigned(ConversationTimeline timeline, RoutingEvent.ChatAssigned assigned) {
        Participation agent = timeline.byOffer(assigned.offerId()).orElseGet(() -> timeline.offer(assigned.offerId(),
                assigned.agentId(), assigned.agentName(), assigned.kind(), null));
        if (agent.state() != ParticipantState.OFFERED) {
            return;
        }
        agent.rename(assigned.agentName());
        if (assigned.kind() == OfferKind.CONFERENCE) {
            if (timeline.state() != ConversationState.CONNECTED) {
                timeline.moveParticipant(agent, ParticipantState.WITHDRAWN, "the chat ended before the agent joined");
                restoreInviters(timeline);
                timeline.closeIfSettled();
                return;
            }
            List<Participation> others = timeline.agentsInConversation();
            timeline.moveParticipant(agent, others.isEmpty() ? ParticipantState.ACTIVE : ParticipantState.CONFERENCE,
                    "accepted the conference");
            for (Participation inviter : others) {
                if (inviter.state() == ParticipantState.CONFERENCE_REQUESTED) {
                    timeline.moveParticipant(inviter, ParticipantState.CONFERENCE,
                            agent.displayName() + " joined the conference");
                }
            }
            timeline.system(Audience.EVERYONE, SystemMessages.joined(agent.displayName()));
            return;
        }
        if (timeline.state() != ConversationState.OFFERED) {
            timeline.moveParticipant(agent, ParticipantState.WITHDRAWN, "the chat no longer waits for an agent");
            timeline.closeIfSettled();
            return;
        }
        // CONNECTED first: desktops act on the agent's "joined" step, and the gateway checks the projection it has
        // written up to that event, so the chat must already be connected there.
        timeline.moveTo(ConversationState.CONNECTED, "assigned to " + agent.displayName());
        timeline.moveParticipant(agent, ParticipantState.ACTIVE, "accepted the chat");
        timeline.system(Audience.EVERYONE, SystemMessages.joined(agent.displayName()));
    }

    /** The offer ended unanswered (or was cancelled): the chat goes back to waiting, or the policy applies. */
    public void offerWithdrawn(ConversationTimeline timeline, RoutingEvent.OfferWithdrawn withdrawn) {
        Optional<Participation> offered = timeline.byOffer(withdrawn.offerId());
        if (offered.isPresent() && offered.get().state() != ParticipantState.OFFERED) {
            return;
        }
        offered.ifPresent(p -> timeline.moveParticipant(p, ParticipantState.WITHDRAWN,
                "offer withdrawn: " + withdrawn.reason()));
        String agentName = offered.map(Participation::displayName).orElse(withdrawn.agentId());
        boolean stillWaitingForThisOffer = timeline.state() == ConversationState.OFFERED
                && !timeline.hasPendingOffer(OfferKind.QUEUE, OfferKind.TRANSFER);
        switch (withdrawn.kind()) {
            case QUEUE -> {
                if (stillWaitingForThisOffer) {
                    // Routing keeps the chat at the head of its queue: no new ConversationQueued.
                    timeline.moveTo(ConversationState.QUEUED, "offer to " + agentName + " withdrawn: "
                            + withdrawn.reason());
                }
            }
            case TRANSFER -> {
                if (stillWaitingForThisOffer) {
                    transferNotAccepted(timeline, agentName);
                }
            }
            case CONFERENCE -> {
                if (restoreInviters(timeline) && !timeline.agentsInConversation().isEmpty()) {
                    timeline.system(Audience.AGENTS, SystemMessages.conferenceNotJoined(agentName));
                }
            }
        }
        timeline.closeIfSettled();
    }

    private void transferNotAccepted(ConversationTimeline timeline, String agentName) {
        switch (unansweredTransferPolicy) {
            case REQUEUE -> {
                timeline.moveTo(ConversationState.QUEUED, "transfer to " + agentName + " not accepted: requeued");
                timeline.system(Audience.CUSTOMER, SystemMessages.TRANSFER_REQUEUED);
                Conversation conversation = timeline.conversation();
                timeline.emit(seq -> ConversationCommands.queued(conversation, seq, timeline.now(),
                        QueueReason.REQUEUE));
            }
            case ABANDON -> {
                timeline.system(Audience.CUSTOMER, SystemMessages.TRANSFER_ABANDONED);
                timeline.moveTo(ConversationState.ABANDONED, "transfer to " + agentName + " not accepted");
            }
        }
    }

    /**
     * The reason of the move to ABANDONED when the queue's maximum wait ran out. The customer widget tells this end
     * from the others by it (its {@code QUEUE_TIMEOUT_REASON}; docs/events.md): keep the two equal.
     */
    public static final String QUEUE_TIMEOUT_REASON = "no agent available in time";

    /** The chat waited longer than its queue allows. */
    public void queueTimedOut(ConversationTimeline timeline) {
        if (!ConversationLifecycle.isWaitingForAgent(timeline.state())) {
            return;
        }
        timeline.system(Audience.CUSTOMER, SystemMessages.NO_AGENT_AVAILABLE);
        timeline.moveTo(ConversationState.ABANDONED, QUEUE_TIMEOUT_REASON);
        timeline.closeIfSettled();
    }

    /**
     * The queue the conversation depends on was deleted: INTERRUPTED. Agents in the chat are alerted and must end
     * and wrap up; a chat without an agent in it ends at once and the customer is told.
     */
    public void queueDeleted(ConversationTimeline timeline, String queueName) {
        ConversationState state = timeline.state();
        if (!ConversationLifecycle.canTransition(state, ConversationState.INTERRUPTED)) {
            return;
        }
        timeline.moveTo(ConversationState.INTERRUPTED, "queue " + queueName + " was deleted");
        if (!timeline.agentsInConversation().isEmpty()) {
            timeline.system(Audience.AGENTS, SystemMessages.interrupted(queueName));
            return;
        }
        timeline.system(Audience.CUSTOMER, SystemMessages.CHAT_ENDED);
        timeline.moveTo(ConversationState.ENDED, "interrupted with no agent in the chat");
        timeline.closeIfSettled();
    }

    /**
     * An invitation that is over (declined, timed out, or the chat ended): the inviter goes back from
     * CONFERENCE_REQUESTED to ACTIVE, or to CONFERENCE when other agents are still in the chat.
     */
    private static boolean restoreInviters(ConversationTimeline timeline) {
        if (timeline.hasPendingOffer(OfferKind.CONFERENCE)) {
            return false;
        }
        List<Participation> inviters = timeline.inState(ParticipantState.CONFERENCE_REQUESTED);
        for (Participation inviter : inviters) {
            boolean othersInChat = timeline.agentsInConversation().size() > 1;
            timeline.moveParticipant(inviter, othersInChat ? ParticipantState.CONFERENCE : ParticipantState.ACTIVE,
                    "conference invitation ended");
        }
        return !inviters.isEmpty();
    }

    private static String nameOf(String name, String id) {
        return name == null || name.isBlank() ? id : name;
    }
}
