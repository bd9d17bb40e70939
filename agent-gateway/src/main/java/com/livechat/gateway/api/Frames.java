package com.livechat.gateway.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationEvent.AgentOfferRequested;
import com.livechat.contracts.events.ConversationEvent.ConversationQueued;
import com.livechat.contracts.events.ConversationEvent.ConversationStarted;
import com.livechat.contracts.events.ConversationEvent.ConversationStateChanged;
import com.livechat.contracts.events.ConversationEvent.MessagePosted;
import com.livechat.contracts.events.ConversationEvent.ParticipantStateChanged;
import com.livechat.contracts.events.ConversationEvent.WrapUpRecorded;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.json.EventJson;
import com.livechat.gateway.domain.StateReading;

import java.util.Optional;

/**
 * The JSON frames pushed on the sockets, and how each conversation event becomes (at most) one agent frame and one
 * customer frame. Replay and live push both use this mapping, so a resumed client sees exactly what it would have
 * seen live. docs/api/gateway.md lists every frame.
 */
public final class Frames {

    public static final String CUSTOMER_ENDED_TEXT = "The customer has ended the conversation";

    private Frames() {
    }

    public static ObjectNode frame(String type) {
        return EventJson.mapper().createObjectNode().put("type", type);
    }

    public static ObjectNode error(String correlationId, String conversationId, String code, String message) {
        ObjectNode frame = frame("error");
        if (correlationId != null) {
            frame.put("correlationId", correlationId);
        }
        if (conversationId != null) {
            frame.put("conversationId", conversationId);
        }
        return frame.put("code", code).put("message", message);
    }

    /** The frame an agent following the conversation sees for {@code event}; empty when agents see nothing. */
    public static Optional<ObjectNode> forAgent(ConversationEvent event) {
        ObjectNode frame = null;
        if (event instanceof MessagePosted m) {
            frame = m.audience().includesAgents() ? message(m, true) : null;
        } else if (event instanceof ConversationStarted s) {
            frame = conversationFrame("conversation-started", s)
                    .put("queueId", s.queueId()).put("queueName", s.queueName())
                    .put("customerName", s.customer() == null ? null : s.customer().name())
                    .put("proactive", s.proactive());
            frame.set("cad", EventJson.mapper().valueToTree(s.cad()));
        } else if (event instanceof ConversationQueued q) {
            frame = conversationFrame("conversation-state", q)
                    .put("to", ConversationState.QUEUED.name())
                    .put("reason", q.reason() == null ? null : q.reason().name())
                    .put("queueId", q.queueId()).put("queueName", q.queueName());
        } else if (event instanceof ConversationStateChanged c) {
            frame = stateChange(c);
        } else if (event instanceof AgentOfferRequested r) {
            frame = conversationFrame(r.kind() == OfferKind.CONFERENCE ? "conference" : "transfer", r)
                    .put("status", "requested").put("agentId", r.agentId()).put("requestedBy", r.requestedBy())
                    .put("queueId", r.queueId()).put("queueName", r.queueName());
        } else if (event instanceof ParticipantStateChanged p) {
            frame = participant(p);
        } else if (event instanceof WrapUpRecorded w) {
            frame = conversationFrame("wrap-up-recorded", w).put("agentId", w.agentId())
                    .put("reasonCode", w.reasonCode()).put("reasonLabel", w.reasonLabel()).put("note", w.note());
        }
        return Optional.ofNullable(frame);
    }

    /** The frame the customer sees for {@code event}; empty when it is not meant for them. */
    public static Optional<ObjectNode> forCustomer(ConversationEvent event) {
        ObjectNode frame = null;
        if (event instanceof MessagePosted m) {
            frame = m.audience().includesCustomer() ? message(m, false) : null;
        } else if (event instanceof ParticipantStateChanged p) {
            frame = customerParticipant(p);
        } else if (event instanceof ConversationStateChanged c && endsForCustomer(c)) {
            frame = conversationFrame("conversation-ended", c).put("state", c.to().name()).put("reason", c.reason());
        }
        return Optional.ofNullable(frame);
    }

    private static ObjectNode conversationFrame(String type, ConversationEvent event) {
        return frame(type).put("conversationId", event.conversationId()).put("seq", event.seq())
                .put("occurredAt", event.occurredAt() == null ? null : event.occurredAt().toString());
    }

    private static ObjectNode message(MessagePosted m, boolean forAgent) {
        ObjectNode frame = conversationFrame("message", m).put("messageId", m.messageId())
                .put("senderType", m.senderType().name()).put("senderName", m.senderName()).put("text", m.text());
        if (forAgent) {
            frame.put("senderId", m.senderId()).put("audience", m.audience().name());
        }
        return frame;
    }

    private static ObjectNode stateChange(ConversationStateChanged c) {
        String type = switch (c.to()) {
            case CUSTOMER_ENDED -> "customer-ended";
            case INTERRUPTED -> "interrupted";
            default -> "conversation-state";
        };
        ObjectNode frame = conversationFrame(type, c).put("from", c.from() == null ? null : c.from().name())
                .put("to", c.to().name()).put("reason", c.reason());
        if (c.to() == ConversationState.CUSTOMER_ENDED) {
            frame.put("text", CUSTOMER_ENDED_TEXT);
        }
        return frame;
    }

    /** Conference steps get a {@code conference} frame, every other participation change a {@code participant} one. */
    private static ObjectNode participant(ParticipantStateChanged p) {
        String conferenceStatus = conferenceStatus(p.from(), p.to());
        ObjectNode frame = conferenceStatus != null
                ? conversationFrame("conference", p).put("status", conferenceStatus)
                : conversationFrame("participant", p).put("change", participantChange(p.from(), p.to()));
        return frame.put("agentId", p.agentId()).put("agentName", p.agentName())
                .put("from", p.from() == null ? null : p.from().name()).put("to", p.to().name())
                .put("reason", p.reason());
    }

    static String conferenceStatus(ParticipantState from, ParticipantState to) {
        if (to == ParticipantState.CONFERENCE_REQUESTED) {
            return "requested";
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

    private static ObjectNode customerParticipant(ParticipantStateChanged p) {
        boolean joined = (p.to() == ParticipantState.ACTIVE && (p.from() == null || p.from() == ParticipantState.OFFERED))
                || (p.to() == ParticipantState.CONFERENCE && p.from() == ParticipantState.OFFERED);
        boolean left = p.to() == ParticipantState.WRAP_UP && p.from() != null
                && StateReading.isInConversation(p.from());
        if (!joined && !left) {
            return null;
        }
        return conversationFrame(joined ? "agent-joined" : "agent-left", p).put("agentName", p.agentName());
    }

    private static boolean endsForCustomer(ConversationStateChanged c) {
        return switch (c.to()) {
            case CUSTOMER_ENDED, INTERRUPTED, ABANDONED -> true;
            case ENDED -> c.from() == ConversationState.CONNECTED;
            default -> false;
        };
    }
}
