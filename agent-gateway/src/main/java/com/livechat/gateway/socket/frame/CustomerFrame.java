package com.livechat.gateway.socket.frame;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonValue;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.SenderType;

import java.time.Instant;

/**
 * A frame the server pushes on a customer socket ({@code /ws/customer/{conversationId}}): never an agent's id, nor
 * a message meant for agents only.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public sealed interface CustomerFrame extends ServerFrame permits CustomerFrame.Hello, CustomerFrame.Message,
        CustomerFrame.QueuePosition, CustomerFrame.AgentJoined, CustomerFrame.AgentLeft,
        CustomerFrame.ConversationEnded, CustomerFrame.InactivityWarning, CustomerFrame.Typing,
        CustomerFrame.MessagesRead, CustomerFrame.WaitingNotice, SharedFrame {

    /**
     * The first frame on connect. {@code state} is there once the gateway has seen the conversation (its value may
     * still be null), {@code queuePosition} while the chat waits for an agent and routing gave one;
     * {@code agentReadSeq} how far an agent has read the chat (read receipts; left out before the first);
     * {@code waitingNotice} the waiting notice the customer was given, while the chat still waits for an agent.
     */
    @JsonTypeName("hello")
    record Hello(String conversationId, long lastSeq, @JsonInclude(JsonInclude.Include.NON_NULL) KnownState state,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer queuePosition,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) long agentReadSeq,
            @JsonInclude(JsonInclude.Include.NON_NULL) Notice waitingNotice)
            implements CustomerFrame {

        public Hello(String conversationId, long lastSeq, KnownState state, Integer queuePosition) {
            this(conversationId, lastSeq, state, queuePosition, 0);
        }

        public Hello(String conversationId, long lastSeq, KnownState state, Integer queuePosition, long agentReadSeq) {
            this(conversationId, lastSeq, state, queuePosition, agentReadSeq, null);
        }
    }

    /** The waiting notice as the hello repeats it: the queue's time, and its own words (null: the widget's). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Notice(int waitedSeconds, String text) {
    }

    /**
     * Routing's waiting notice (WaitingNoticeIssued): no agent has joined after the queue's {@code waitedSeconds};
     * {@code text} is the queue's own wording (null: the widget's). Not part of the conversation's sequence, so no
     * {@code seq}; the hello repeats it while the chat still waits.
     */
    @JsonTypeName("waiting-notice")
    record WaitingNotice(String conversationId, String queueId, int waitedSeconds, String text)
            implements CustomerFrame {

        public static WaitingNotice of(RoutingEvent.WaitingNoticeIssued notice) {
            return new WaitingNotice(notice.conversationId(), notice.queueId(), notice.waitedSeconds(), notice.text());
        }
    }

    /** An agent has read the customer's messages up to {@code upToSeq} (MessagesRead by an agent). */
    @JsonTypeName("messages-read")
    record MessagesRead(String conversationId, Long seq, Instant occurredAt, long upToSeq) implements CustomerFrame {

        public static MessagesRead of(ConversationEvent.MessagesRead read) {
            return new MessagesRead(read.conversationId(), read.seq(), read.occurredAt(), read.upToSeq());
        }
    }

    /** The state in a {@link Hello} of a conversation the gateway has seen: written as the bare state, or null. */
    record KnownState(@JsonValue ConversationState value) {
    }

    @JsonTypeName("message")
    record Message(String conversationId, Long seq, Instant occurredAt, String messageId, SenderType senderType,
            String senderName, String text) implements CustomerFrame {

        public static Message of(ConversationEvent.MessagePosted m) {
            return new Message(m.conversationId(), m.seq(), m.occurredAt(), m.messageId(), m.senderType(),
                    m.senderName(), m.text());
        }
    }

    /**
     * The chat's place in its queue (1-based) and, when routing has enough history, the estimated wait at that place;
     * not part of the conversation's sequence, so no {@code seq}.
     */
    @JsonTypeName("queue-position")
    record QueuePosition(String conversationId, String queueId, int position,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer estimatedWaitSeconds) implements CustomerFrame {

        public static QueuePosition of(RoutingEvent.QueuePositionChanged changed) {
            return new QueuePosition(changed.conversationId(), changed.queueId(), changed.position(),
                    changed.estimatedWaitSeconds());
        }
    }

    @JsonTypeName("agent-joined")
    record AgentJoined(String conversationId, Long seq, Instant occurredAt, String agentName) implements CustomerFrame {
    }

    @JsonTypeName("agent-left")
    record AgentLeft(String conversationId, Long seq, Instant occurredAt, String agentName) implements CustomerFrame {
    }

    /** The customer has been silent too long: "are you still there?"; the chat ends as INACTIVE at {@code endsAt}. */
    @JsonTypeName("inactivity-warning")
    record InactivityWarning(String conversationId, Long seq, Instant occurredAt, Instant endsAt)
            implements CustomerFrame {
    }

    @JsonTypeName("conversation-ended")
    record ConversationEnded(String conversationId, Long seq, Instant occurredAt, ConversationState state,
            String reason) implements CustomerFrame {
    }

    /** An agent started or stopped typing (ephemeral: no seq, never replayed); no agent id. */
    @JsonTypeName("typing")
    record Typing(String conversationId, boolean typing, String agentName) implements CustomerFrame {
    }
}
