package com.livechat.conversation.api;

import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.SenderType;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the REST API returns. All text is masked: it is stored that way. */
public final class Views {

    private Views() {
    }

    public record ConversationView(String id, ConversationState state, String queueId, String queueName,
            CustomerView customer, boolean proactive, Map<String, String> cad, Instant waitingSince,
            Instant startedAt, Instant endedAt, Instant closedAt, long lastSeq,
            List<ParticipationView> participations, SurveyView survey) {
    }

    /** The customer's satisfaction survey (null until submitted); the comment is masked. */
    public record SurveyView(int rating, String comment, Instant submittedAt) {
    }

    public record CustomerView(String name, String email, String phone) {
    }

    public record ParticipationView(String agentId, String agentName, OfferKind kind, ParticipantState state,
            Instant offeredAt, Instant joinedAt, Instant leftAt, WrapUpView wrapUp) {
    }

    public record WrapUpView(String reasonCode, String reasonLabel, String note, Instant recordedAt) {
    }

    public record MessageView(long seq, String messageId, SenderType senderType, String senderId, String senderName,
            Audience audience, String text, Instant postedAt) {
    }

    /** One of an agent's past conversations, with what the desktop's history tile shows as its title. */
    public record AgentHistoryItem(String conversationId, String customerName, String customerEmail,
            String customerPhone, String queueName, boolean proactive, ConversationState conversationState,
            ParticipantState participationState, Instant startedAt, Instant joinedAt, Instant leftAt,
            String wrapUpReasonCode, String wrapUpReasonLabel) {
    }

    /** A page of results; {@code page} is 0-based. */
    public record Page<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

        public static <T> Page<T> of(List<T> items, int page, int size, long totalItems) {
            return new Page<>(items, page, size, totalItems, (totalItems + size - 1) / size);
        }
    }

    public record WrapUpReasonView(String code, String label, Instant updatedAt) {
    }

    public record TemplateView(String id, String name, String body, List<String> parameters, Instant updatedAt) {
    }
}
