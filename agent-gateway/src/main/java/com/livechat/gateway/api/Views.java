package com.livechat.gateway.api;

import com.livechat.gateway.domain.ConversationStore;
import com.livechat.gateway.domain.PresenceStore;
import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.ParticipantState;

import java.time.Instant;
import java.util.List;

/** The response bodies shared by REST and the sockets' snapshot frames. */
public final class Views {

    private Views() {
    }

    /** The agent's own presence as routing last announced it (LOGGED_OUT with no load before the first one). */
    public record PresenceView(AgentState state, String idleCode, int activeChats, int capacity, List<String> queueIds) {

        static PresenceView of(PresenceStore.Presence presence) {
            return presence == null ? new PresenceView(AgentState.LOGGED_OUT, null, 0, 0, List.of())
                    : new PresenceView(presence.state(), presence.idleCode(), presence.activeChats(),
                            presence.capacity(), presence.queueIds());
        }
    }

    public record MeView(String agentId, String displayName, List<String> roles, PresenceView presence) {
    }

    /** A conversation as one agent sees it in lists: their participation and where the conversation stands. */
    public record ConversationView(String conversationId, ConversationState state, ParticipantState participantState,
            String customerName, String queueId, String queueName, boolean proactive, Instant startedAt, long lastSeq,
            Instant lastActivityAt, String wrapUpCode, String wrapUpLabel) {

        static ConversationView of(ConversationStore.Participation participation) {
            ConversationStore.Summary s = participation.conversation();
            return new ConversationView(s.conversationId(), s.state(), participation.participantState(),
                    s.customerName(), s.queueId(), s.queueName(), s.proactive(), s.startedAt(), s.lastSeq(),
                    s.lastActivityAt(), participation.wrapUpCode(), participation.wrapUpLabel());
        }
    }

    public record ParticipantView(String agentId, String agentName, ParticipantState state) {
    }

    /** One conversation in detail, for an agent who may see it. */
    public record ConversationDetail(String conversationId, ConversationState state, String customerName,
            String queueId, String queueName, boolean proactive, Instant startedAt, long lastSeq,
            ParticipantState myParticipantState, boolean offerPending, List<ParticipantView> participants) {
    }

    /** A command the gateway accepted and handed to Kafka (202). */
    public record Accepted(String commandId) {
    }

    /** A message command accepted (202): the command id and the client's own message id. */
    public record MessageAccepted(String commandId, String clientMessageId) {
    }

    public record Page<T>(int page, int size, long total, List<T> items) {
    }
}
