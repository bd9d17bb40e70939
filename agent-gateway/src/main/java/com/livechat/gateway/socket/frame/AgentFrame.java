package com.livechat.gateway.socket.frame;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.QueueReason;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.SenderType;
import com.livechat.contracts.events.WithdrawReason;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A frame the server pushes on an agent socket ({@code /ws/agent}). Each record is one frame kind of
 * {@code contracts/asyncapi-sockets.yaml}, with the JSON Schema named after its {@code type}; each is built in one
 * place (its {@code of} factory, or {@link Frames} for the conversation events). Fields that are null are sent as
 * null: the desktop reads every field of a kind as always there.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public sealed interface AgentFrame extends ServerFrame permits AgentFrame.Hello, AgentFrame.Offer,
        AgentFrame.OfferAccepted, AgentFrame.OfferWithdrawn, AgentFrame.AgentStateChanged, AgentFrame.Message,
        AgentFrame.ConversationStarted, AgentFrame.ConversationStateChanged, AgentFrame.ConversationQueued,
        AgentFrame.CustomerEnded, AgentFrame.Interrupted, AgentFrame.TransferRequested,
        AgentFrame.ConferenceRequested, AgentFrame.ConferenceStep, AgentFrame.Participant, AgentFrame.WrapUpRecorded,
        AgentFrame.SurveySubmitted, AgentFrame.Typing, AgentFrame.MessagesRead, SharedFrame {

    /** The first frame on connect: what the desktop shows before any push. */
    @JsonTypeName("hello")
    record Hello(String agentId, String displayName, PresenceView presence, List<OfferView> offers,
            List<ConversationView> conversations) implements AgentFrame {
    }

    /** An offer to this agent: the pop-up's content, the thread so far included. */
    @JsonTypeName("offer")
    record Offer(@JsonUnwrapped OfferView view) implements AgentFrame {
    }

    @JsonTypeName("offer-accepted")
    record OfferAccepted(String offerId, String conversationId, OfferKind kind) implements AgentFrame {

        public static OfferAccepted of(RoutingEvent.ChatAssigned assigned) {
            return new OfferAccepted(assigned.offerId(), assigned.conversationId(), assigned.kind());
        }
    }

    @JsonTypeName("offer-withdrawn")
    record OfferWithdrawn(String offerId, String conversationId, OfferKind kind, WithdrawReason reason)
            implements AgentFrame {

        public static OfferWithdrawn of(RoutingEvent.OfferWithdrawn withdrawn) {
            return new OfferWithdrawn(withdrawn.offerId(), withdrawn.conversationId(), withdrawn.kind(),
                    withdrawn.reason());
        }
    }

    @JsonTypeName("agent-state")
    record AgentStateChanged(String agentId, AgentState state, AgentState previousState, String idleCode,
            String reason, int activeChats, int capacity, Instant occurredAt) implements AgentFrame {

        public static AgentStateChanged of(RoutingEvent.AgentStateChanged changed) {
            return new AgentStateChanged(changed.agentId(), changed.state(), changed.previousState(),
                    changed.idleCode(), changed.reason(), changed.activeChats(), changed.capacity(),
                    changed.occurredAt());
        }
    }

    /** A message of the transcript, with the sender's id and audience the customer does not see. */
    @JsonTypeName("message")
    record Message(String conversationId, Long seq, Instant occurredAt, String messageId, SenderType senderType,
            String senderId, String senderName, Audience audience, String text) implements AgentFrame {

        public static Message of(ConversationEvent.MessagePosted m) {
            return new Message(m.conversationId(), m.seq(), m.occurredAt(), m.messageId(), m.senderType(),
                    m.senderId(), m.senderName(), m.audience(), m.text());
        }
    }

    @JsonTypeName("conversation-started")
    record ConversationStarted(String conversationId, Long seq, Instant occurredAt, String queueId, String queueName,
            String customerName, boolean proactive,
            @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.NON_NULL)
            Map<String, String> cad) implements AgentFrame {

        public static ConversationStarted of(ConversationEvent.ConversationStarted s) {
            return new ConversationStarted(s.conversationId(), s.seq(), s.occurredAt(), s.queueId(), s.queueName(),
                    s.customer() == null ? null : s.customer().name(), s.proactive(), s.cad());
        }
    }

    /** A change of the conversation's state other than those below. */
    @JsonTypeName("conversation-state")
    record ConversationStateChanged(String conversationId, Long seq, Instant occurredAt, ConversationState from,
            ConversationState to, String reason) implements AgentFrame {
    }

    /** The conversation (re-)entered a queue: {@code to} is always {@code QUEUED}. */
    @JsonTypeName("conversation-state")
    record ConversationQueued(String conversationId, Long seq, Instant occurredAt, ConversationState to,
            QueueReason reason, String queueId, String queueName) implements AgentFrame {

        public static ConversationQueued of(ConversationEvent.ConversationQueued q) {
            return new ConversationQueued(q.conversationId(), q.seq(), q.occurredAt(), ConversationState.QUEUED,
                    q.reason(), q.queueId(), q.queueName());
        }
    }

    /** The customer left: the alert the desktop shows, with its text. */
    @JsonTypeName("customer-ended")
    record CustomerEnded(String conversationId, Long seq, Instant occurredAt, ConversationState from,
            ConversationState to, String reason, String text) implements AgentFrame {
    }

    /** The conversation was cut off (its queue was deleted). */
    @JsonTypeName("interrupted")
    record Interrupted(String conversationId, Long seq, Instant occurredAt, ConversationState from,
            ConversationState to, String reason) implements AgentFrame {
    }

    /** A transfer to an agent or a queue was asked for ({@code status} is always {@code requested}). */
    @JsonTypeName("transfer")
    record TransferRequested(String conversationId, Long seq, Instant occurredAt, String status, String agentId,
            String requestedBy, String queueId, String queueName) implements AgentFrame {
    }

    /** A colleague was invited into the conversation ({@code status} is always {@code requested}). */
    @JsonTypeName("conference")
    record ConferenceRequested(String conversationId, Long seq, Instant occurredAt, String status, String agentId,
            String requestedBy, String queueId, String queueName) implements AgentFrame {
    }

    /** A participant's conference step: {@code requested}, {@code accepted}, {@code declined} or {@code ended}. */
    @JsonTypeName("conference")
    record ConferenceStep(String conversationId, Long seq, Instant occurredAt, String status, String agentId,
            String agentName, ParticipantState from, ParticipantState to, String reason) implements AgentFrame {
    }

    /** Any other participation change: {@code change} names it. */
    @JsonTypeName("participant")
    record Participant(String conversationId, Long seq, Instant occurredAt, String change, String agentId,
            String agentName, ParticipantState from, ParticipantState to, String reason) implements AgentFrame {
    }

    @JsonTypeName("wrap-up-recorded")
    record WrapUpRecorded(String conversationId, Long seq, Instant occurredAt, String agentId, String reasonCode,
            String reasonLabel, String note) implements AgentFrame {

        public static WrapUpRecorded of(ConversationEvent.WrapUpRecorded w) {
            return new WrapUpRecorded(w.conversationId(), w.seq(), w.occurredAt(), w.agentId(), w.reasonCode(),
                    w.reasonLabel(), w.note());
        }
    }

    /** The customer's satisfaction survey: {@code rating} 1 to 5, {@code comment} (masked) or null. */
    @JsonTypeName("survey-submitted")
    record SurveySubmitted(String conversationId, Long seq, Instant occurredAt, int rating, String comment)
            implements AgentFrame {

        public static SurveySubmitted of(ConversationEvent.SurveySubmitted s) {
            return new SurveySubmitted(s.conversationId(), s.seq(), s.occurredAt(), s.rating(), s.comment());
        }
    }

    /** The customer has read the conversation up to {@code upToSeq} (MessagesRead by the customer). */
    @JsonTypeName("messages-read")
    record MessagesRead(String conversationId, Long seq, Instant occurredAt, long upToSeq) implements AgentFrame {

        public static MessagesRead of(ConversationEvent.MessagesRead read) {
            return new MessagesRead(read.conversationId(), read.seq(), read.occurredAt(), read.upToSeq());
        }
    }

    /** The customer started or stopped typing (ephemeral: no seq, never replayed). */
    @JsonTypeName("typing")
    record Typing(String conversationId, boolean typing) implements AgentFrame {
    }
}
