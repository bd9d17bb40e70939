package com.livechat.gateway.socket.frame;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.gateway.projection.ConversationStore;

import java.time.Instant;

/**
 * A conversation as one agent sees it in lists: their participation and where the conversation stands;
 * {@code surveyRating} is the customer's satisfaction rating (1 to 5) once given, {@code customerReadSeq} how far
 * the customer has read it (read receipts; left out before the first).
 */
public record ConversationView(String conversationId, ConversationState state, ParticipantState participantState,
        String customerName, String queueId, String queueName, boolean proactive, Instant startedAt, long lastSeq,
        Instant lastActivityAt, String wrapUpCode, String wrapUpLabel, Integer surveyRating,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) long customerReadSeq) {

    public static ConversationView of(ConversationStore.Participation participation) {
        ConversationStore.Summary s = participation.conversation();
        return new ConversationView(s.conversationId(), s.state(), participation.participantState(),
                s.customerName(), s.queueId(), s.queueName(), s.proactive(), s.startedAt(), s.lastSeq(),
                s.lastActivityAt(), participation.wrapUpCode(), participation.wrapUpLabel(), s.surveyRating(),
                s.customerReadSeq());
    }
}
