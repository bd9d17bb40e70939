package com.livechat.gateway.socket.frame;

import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationEvent.AgentOfferRequested;
import com.livechat.contracts.events.ConversationEvent.ConversationQueued;
import com.livechat.contracts.events.ConversationEvent.ConversationStarted;
import com.livechat.contracts.events.ConversationEvent.ConversationStateChanged;
import com.livechat.contracts.events.ConversationEvent.CustomerInactivityWarned;
import com.livechat.contracts.events.ConversationEvent.MessagePosted;
import com.livechat.contracts.events.ConversationEvent.ParticipantStateChanged;
import com.livechat.contracts.events.ConversationEvent.WrapUpRecorded;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.SenderType;
import com.livechat.gateway.projection.StateReading;

import java.util.Optional;

/**
 * How each conversation event becomes (at most) one agent frame and one customer frame. Replay and live push both use
 * this mapping, so a resumed client sees exactly what it would have seen live. docs/api/gateway.md lists every frame.
 */
public final class Frames {

    public static final String CUSTOMER_ENDED_TEXT = "The customer has ended the conversation";
    public static final String CUSTOMER_INACTIVE_TEXT = "The customer did not reply: the chat ended for inactivity";
    static final String REQUESTED = "requested";

    private Frames() {
    }

    /** The frame an agent following the conversation sees for {@code event}; empty when agents see nothing. */
    public static Optional<AgentFrame> forAgent(ConversationEvent event) {
        AgentFrame frame = null;
        if (event instanceof MessagePosted m) {
            frame = m.audience().includesAgents() ? AgentFrame.Message.of(m) : null;
        } else if (event instanceof ConversationStarted s) {
            frame = AgentFrame.ConversationStarted.of(s);
        } else if (event instanceof ConversationQueued q) {
            frame = AgentFrame.ConversationQueued.of(q);
        } else if (event instanceof ConversationStateChanged c) {
            frame = stateChange(c);
        } else if (event instanceof AgentOfferRequested r) {
            frame = r.kind() == OfferKind.CONFERENCE
                    ? new AgentFrame.ConferenceRequested(r.conversationId(), r.seq(), r.occurredAt(), REQUESTED,
                            r.agentId(), r.requestedBy(), r.queueId(), r.queueName())
                    : new AgentFrame.TransferRequested(r.conversationId(), r.seq(), r.occurredAt(), REQUESTED,
                            r.agentId(), r.requestedBy(), r.queueId(), r.queueName());
        } else if (event instanceof ParticipantStateChanged p) {
            frame = participant(p);
        } else if (event instanceof WrapUpRecorded w) {
            frame = AgentFrame.WrapUpRecorded.of(w);
        } else if (event instanceof ConversationEvent.SurveySubmitted survey) {
            frame = AgentFrame.SurveySubmitted.of(survey);
        } else if (event instanceof ConversationEvent.MessagesRead read && read.readerType() == SenderType.CUSTOMER) {
            frame = AgentFrame.MessagesRead.of(read);
        }
        return Optional.ofNullable(frame);
    }

    /** The frame the customer sees for {@code event}; empty when it is not meant for them. */
    public static Optional<CustomerFrame> forCustomer(ConversationEvent event) {
        CustomerFrame frame = null;
        if (event instanceof MessagePosted m) {
            frame = m.audience().includesCustomer() ? CustomerFrame.Message.of(m) : null;
        } else if (event instanceof ParticipantStateChanged p) {
            frame = customerParticipant(p);
        } else if (event instanceof ConversationEvent.MessagesRead read && read.readerType() == SenderType.AGENT) {
            frame = CustomerFrame.MessagesRead.of(read);
        } else if (event instanceof ConversationStateChanged c && endsForCustomer(c)) {
            frame = new CustomerFrame.ConversationEnded(c.conversationId(), c.seq(), c.occurredAt(), c.to(), c.reason());
        } else if (event instanceof CustomerInactivityWarned w) {
            frame = new CustomerFrame.InactivityWarning(w.conversationId(), w.seq(), w.occurredAt(), w.endsAt());
        }
        return Optional.ofNullable(frame);
    }

    private static AgentFrame stateChange(ConversationStateChanged c) {
        return switch (c.to()) {
            case CUSTOMER_ENDED -> new AgentFrame.CustomerEnded(c.conversationId(), c.seq(), c.occurredAt(), c.from(),
                    c.to(), c.reason(), CUSTOMER_ENDED_TEXT);
            case INACTIVE -> new AgentFrame.CustomerEnded(c.conversationId(), c.seq(), c.occurredAt(), c.from(),
                    c.to(), c.reason(), CUSTOMER_INACTIVE_TEXT);
            case INTERRUPTED -> new AgentFrame.Interrupted(c.conversationId(), c.seq(), c.occurredAt(), c.from(), c.to(),
                    c.reason());
            default -> new AgentFrame.ConversationStateChanged(c.conversationId(), c.seq(), c.occurredAt(), c.from(),
                    c.to(), c.reason());
        };
    }

    /** Conference steps get a {@code conference} frame, every other participation change a {@code participant} one. */
    private static AgentFrame participant(ParticipantStateChanged p) {
        String conferenceStatus = conferenceStatus(p.from(), p.to());
        return conferenceStatus != null
                ? new AgentFrame.ConferenceStep(p.conversationId(), p.seq(), p.occurredAt(), conferenceStatus,
                        p.agentId(), p.agentName(), p.from(), p.to(), p.reason())
                : new AgentFrame.Participant(p.conversationId(), p.seq(), p.occurredAt(),
                        participantChange(p.from(), p.to()), p.agentId(), p.agentName(), p.from(), p.to(), p.reason());
    }

    static String conferenceStatus(ParticipantState from, ParticipantState to) {
        if (to == ParticipantState.CONFERENCE_REQUESTED) {
            return REQUESTED;
        }
        if (to == ParticipantState.CONFERENCE) {
            return "accepted";
        }
        if (from == ParticipantState.CONFERENCE_REQUESTED && to == ParticipantState.ACTIVE) {
            return "declined";
        }
        if (from == ParticipantState.CONFERENCE && (to == ParticipantState.ACTIVE || to == ParticipantState.WRAP_UP)) {
            return "ended";
        }
        return null;
    }

    static String participantChange(ParticipantState from, ParticipantState to) {
        return switch (to) {
            case OFFERED -> "offered";
            case ACTIVE -> "joined";
            case WRAP_UP -> "left";
            case DONE -> "done";
            case WITHDRAWN -> "withdrawn";
            case CONFERENCE_REQUESTED, CONFERENCE -> "conference";
        };
    }

    private static CustomerFrame customerParticipant(ParticipantStateChanged p) {
        // A supervisor's barge-in starts a participation in CONFERENCE, without an offer (from null).
        boolean joined = (p.to() == ParticipantState.ACTIVE && (p.from() == null || p.from() == ParticipantState.OFFERED))
                || (p.to() == ParticipantState.CONFERENCE && (p.from() == null || p.from() == ParticipantState.OFFERED));
        boolean left = p.to() == ParticipantState.WRAP_UP && p.from() != null
                && StateReading.isInConversation(p.from());
        if (joined) {
            return new CustomerFrame.AgentJoined(p.conversationId(), p.seq(), p.occurredAt(), p.agentName());
        }
        return left ? new CustomerFrame.AgentLeft(p.conversationId(), p.seq(), p.occurredAt(), p.agentName()) : null;
    }

    private static boolean endsForCustomer(ConversationStateChanged c) {
        return switch (c.to()) {
            case CUSTOMER_ENDED, INACTIVE, INTERRUPTED, ABANDONED -> true;
            case ENDED -> c.from() == ConversationState.CONNECTED;
            default -> false;
        };
    }
}
