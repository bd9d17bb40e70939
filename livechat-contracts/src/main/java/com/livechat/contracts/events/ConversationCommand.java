package com.livechat.contracts.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A request to change a conversation. The gateway writes these, unmasked, to {@link Topics#INBOUND}; the masking
 * service masks every free-text field and forwards them, in the same order and with the same key, to
 * {@link Topics#CONVERSATION_COMMANDS}, where the conversation service executes them. {@link #commandId()} is
 * unique per command: it makes redelivery harmless and correlates a rejection with its request.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ConversationCommand.StartConversation.class, name = "StartConversation"),
        @JsonSubTypes.Type(value = ConversationCommand.PostMessage.class, name = "PostMessage"),
        @JsonSubTypes.Type(value = ConversationCommand.SendTemplate.class, name = "SendTemplate"),
        @JsonSubTypes.Type(value = ConversationCommand.EndByCustomer.class, name = "EndByCustomer"),
        @JsonSubTypes.Type(value = ConversationCommand.EndByAgent.class, name = "EndByAgent"),
        @JsonSubTypes.Type(value = ConversationCommand.SubmitWrapUp.class, name = "SubmitWrapUp"),
        @JsonSubTypes.Type(value = ConversationCommand.RequestTransfer.class, name = "RequestTransfer"),
        @JsonSubTypes.Type(value = ConversationCommand.RequestConference.class, name = "RequestConference"),
        @JsonSubTypes.Type(value = ConversationCommand.EndConference.class, name = "EndConference"),
        @JsonSubTypes.Type(value = ConversationCommand.SubmitSurvey.class, name = "SubmitSurvey"),
        @JsonSubTypes.Type(value = ConversationCommand.MarkRead.class, name = "MarkRead"),
        @JsonSubTypes.Type(value = ConversationCommand.BargeIn.class, name = "BargeIn"),
        @JsonSubTypes.Type(value = ConversationCommand.TakeOver.class, name = "TakeOver"),
        @JsonSubTypes.Type(value = ConversationCommand.EraseCustomerData.class, name = "EraseCustomerData")
})
public sealed interface ConversationCommand extends LivechatRecord {

    String commandId();

    String conversationId();

    Instant issuedAt();

    @Override
    default String key() {
        return conversationId();
    }

    /** This command with every free-text field passed through {@code masker}; commands without text are unchanged. */
    default ConversationCommand masked(UnaryOperator<String> masker) {
        return this;
    }

    /** A customer starts a chat in a queue (the entry point). Attributes become the conversation's CAD variables. */
    record StartConversation(String commandId, String conversationId, Instant issuedAt, String queueId,
            String queueName, Customer customer, Map<String, String> attributes, boolean proactive)
            implements ConversationCommand {

        @Override
        public ConversationCommand masked(UnaryOperator<String> masker) {
            Customer maskedCustomer = customer == null ? null
                    : new Customer(maskNullable(customer.name(), masker), maskNullable(customer.email(), masker),
                            maskNullable(customer.phone(), masker));
            // Names too: the website chooses them, so they could hold what a visitor typed. Two names may mask alike
            // ("ref 4111 1111 1111 1111", "ref 5500 0000 0000 1111"): the later one gets a suffix, none is lost.
            Map<String, String> maskedAttributes = new LinkedHashMap<>();
            if (attributes != null) {
                attributes.forEach((name, value) -> {
                    String maskedName = masker.apply(name);
                    String key = maskedName;
                    for (int n = 2; maskedAttributes.containsKey(key); n++) {
                        key = maskedName + " (" + n + ")";
                    }
                    maskedAttributes.put(key, maskNullable(value, masker));
                });
            }
            return new StartConversation(commandId, conversationId, issuedAt, queueId, queueName, maskedCustomer,
                    maskedAttributes, proactive);
        }
    }

    /** A customer or agent message; {@code clientMessageId} makes a resend harmless. */
    record PostMessage(String commandId, String conversationId, Instant issuedAt, String clientMessageId,
            SenderType senderType, String agentId, String text) implements ConversationCommand {

        @Override
        public ConversationCommand masked(UnaryOperator<String> masker) {
            return new PostMessage(commandId, conversationId, issuedAt, clientMessageId, senderType, agentId,
                    maskNullable(text, masker));
        }
    }

    /** An agent sends an admin-defined message template, filled from the conversation. */
    record SendTemplate(String commandId, String conversationId, Instant issuedAt, String clientMessageId,
            String agentId, String templateId) implements ConversationCommand {
    }

    /** "End chat" in the customer's widget. */
    record EndByCustomer(String commandId, String conversationId, Instant issuedAt) implements ConversationCommand {
    }

    /** An agent ends their part in the chat and moves to wrap-up. */
    record EndByAgent(String commandId, String conversationId, Instant issuedAt, String agentId)
            implements ConversationCommand {
    }

    /** An agent records why the chat ended (the wrap-up reason), with an optional note. */
    record SubmitWrapUp(String commandId, String conversationId, Instant issuedAt, String agentId, String reasonCode,
            String note) implements ConversationCommand {

        @Override
        public ConversationCommand masked(UnaryOperator<String> masker) {
            return new SubmitWrapUp(commandId, conversationId, issuedAt, agentId, reasonCode,
                    maskNullable(note, masker));
        }
    }

    /** An agent hands the chat to a queue or to another agent and leaves it. */
    record RequestTransfer(String commandId, String conversationId, Instant issuedAt, String agentId,
            TransferTargetType targetType, String targetId, String targetName) implements ConversationCommand {
    }

    /** An agent invites another agent into the chat. */
    record RequestConference(String commandId, String conversationId, Instant issuedAt, String agentId,
            String inviteeId, String inviteeName) implements ConversationCommand {
    }

    /** "End conference": the agent leaves the conference and wraps up; the other agent carries on. */
    record EndConference(String commandId, String conversationId, Instant issuedAt, String agentId)
            implements ConversationCommand {
    }

    /**
     * The customer rates the chat after its end: {@code rating} 1 to 5, an optional {@code comment} (masked). Recorded
     * once per conversation; a second submission is refused.
     */
    record SubmitSurvey(String commandId, String conversationId, Instant issuedAt, int rating, String comment)
            implements ConversationCommand {

        @Override
        public ConversationCommand masked(UnaryOperator<String> masker) {
            return new SubmitSurvey(commandId, conversationId, issuedAt, rating, maskNullable(comment, masker));
        }
    }

    /**
     * A participant has read the conversation up to {@code upToSeq} (the seq of the last message they saw): the
     * customer ({@code readerType} CUSTOMER, {@code agentId} null) or an agent in the chat (AGENT and their id). Read
     * positions only move forward: a receipt at or below the stored one changes nothing; one beyond the
     * conversation's last seq is refused. No free text.
     */
    record MarkRead(String commandId, String conversationId, Instant issuedAt, SenderType readerType, String agentId,
            long upToSeq) implements ConversationCommand {
    }

    /**
     * A supervisor joins a live (CONNECTED) chat as a participant, without an offer: the customer and the agents see
     * "{@code supervisorName} joined the chat" and the supervisor may write. Issued by the gateway (role checked and
     * audited there). A supervisor already in the chat changes nothing.
     */
    record BargeIn(String commandId, String conversationId, Instant issuedAt, String supervisorId,
            String supervisorName) implements ConversationCommand {
    }

    /**
     * A supervisor takes a live (CONNECTED) chat over: they become its agent (joining first if they had not barged
     * in) and every other agent leaves it and wraps up, as after a transfer. Issued by the gateway (role checked and
     * audited there). A supervisor who already holds the chat alone changes nothing.
     */
    record TakeOver(String commandId, String conversationId, Instant issuedAt, String supervisorId,
            String supervisorName) implements ConversationCommand {
    }

    /**
     * An administrator erases the customer's data of an ended conversation on the customer's request (GDPR art. 17):
     * transcript text, name, contact fields, attributes, wrap-up notes and survey comment. {@code erasureId} is the
     * gateway's audited request; {@code requestedBy} the administrator's user name. No free text.
     */
    record EraseCustomerData(String commandId, String conversationId, Instant issuedAt, String erasureId,
            String requestedBy) implements ConversationCommand {
    }

    private static String maskNullable(String value, UnaryOperator<String> masker) {
        return value == null ? null : masker.apply(value);
    }
}
