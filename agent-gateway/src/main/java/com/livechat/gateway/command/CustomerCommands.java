package com.livechat.gateway.command;

import com.livechat.gateway.invitation.InvitationRepository;
import com.livechat.gateway.projection.ConversationStore;
import com.livechat.gateway.projection.ReferenceStore;
import com.livechat.gateway.projection.ReferenceStore.Kind;
import com.livechat.gateway.projection.StateReading;
import com.livechat.gateway.refusal.Refusal;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.Customer;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.SenderType;
import com.livechat.platform.validation.MessageRules;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** What a website visitor asks for: start a chat, write, leave, rate it. Same pattern as {@link AgentCommands}. */
@ApplicationScoped
public class CustomerCommands {

    /** A started chat: its id and the command that starts it. */
    public record StartedChat(String conversationId, String commandId) {
    }

    /** The gateway's code for a second survey of the same chat (409). */
    public static final String SURVEY_ALREADY_SUBMITTED = "SURVEY_ALREADY_SUBMITTED";

    private final CommandBus publisher;
    private final ReferenceStore reference;
    private final ConversationStore conversations;
    private final InvitationRepository invitations;
    private final Clock clock;

    public CustomerCommands(CommandBus publisher, ReferenceStore reference, ConversationStore conversations,
            InvitationRepository invitations, Clock clock) {
        this.publisher = publisher;
        this.reference = reference;
        this.conversations = conversations;
        this.invitations = invitations;
        this.clock = clock;
    }

    public Uni<StartedChat> start(String queueId, Customer customer, Map<String, String> attributes, String invitationId) {
        Uni<Boolean> proactive = invitationId == null
                ? Uni.createFrom().item(false)
                : invitations.findValid(invitationId, queueId).map(invitation -> {
                    if (invitation.isEmpty()) {
                        throw Refusal.invalid("INVALID_INVITATION",
                                "Invitation " + invitationId + " is unknown, expired or for another queue.");
                    }
                    return true;
                });
        return queueName(queueId).chain(queueName -> proactive.chain(isProactive -> {
            String conversationId = UUID.randomUUID().toString();
            ConversationCommand.StartConversation command = new ConversationCommand.StartConversation(newId(),
                    conversationId, clock.instant(), queueId, queueName, customer,
                    attributes == null ? Map.of() : attributes, isProactive);
            return publisher.send(command).replaceWith(new StartedChat(conversationId, command.commandId()));
        }));
    }

    /** The name of a queue that exists, else an {@code UNKNOWN_QUEUE} refusal. */
    public Uni<String> queueName(String queueId) {
        return reference.find(Kind.QUEUE, queueId).map(queue -> queue.orElseThrow(() -> Refusal.unknown(
                RejectionCode.UNKNOWN_QUEUE, "Queue " + queueId + " was not found.")).name());
    }

    public Uni<String> postMessage(String conversationId, String clientMessageId, String text) {
        var violation = MessageRules.checkCustomerMessage(text);
        if (violation.isPresent()) {
            return Uni.createFrom().failure(Refusal.invalidMessage(violation.get()));
        }
        return requireOpen(conversationId).chain(() -> send(new ConversationCommand.PostMessage(newId(), conversationId,
                clock.instant(), clientMessageId, SenderType.CUSTOMER, null, text)));
    }

    public Uni<String> end(String conversationId) {
        return requireOpen(conversationId)
                .chain(() -> send(new ConversationCommand.EndByCustomer(newId(), conversationId, clock.instant())));
    }

    /**
     * The satisfaction survey, after the end. Answered at once from the projection: a rating outside 1 to 5 or a
     * comment over 1000 characters (400), a chat still open (409 {@code ILLEGAL_STATE}), a survey already recorded
     * (409 {@code SURVEY_ALREADY_SUBMITTED}). Two submissions racing past this check are both accepted here, and the
     * conversation service records the first and refuses the second: the first always stays.
     */
    public Uni<String> submitSurvey(String conversationId, int rating, String comment) {
        var violation = MessageRules.checkSurvey(rating, comment);
        if (violation.isPresent()) {
            return Uni.createFrom().failure(Refusal.invalidMessage(violation.get()));
        }
        return conversations.summary(conversationId).invoke(summary -> {
            ConversationState state = summary.map(ConversationStore.Summary::state).orElse(null);
            if (state == null || StateReading.isOpenForCustomer(state)) {
                throw Refusal.illegalState("The survey can be given once the chat has ended.");
            }
            if (summary.get().surveyRating() != null) {
                throw Refusal.conflict(SURVEY_ALREADY_SUBMITTED, "You already rated this chat; thank you.");
            }
        }).chain(() -> send(new ConversationCommand.SubmitSurvey(newId(), conversationId, clock.instant(), rating,
                comment == null || comment.isBlank() ? null : comment)));
    }

    /**
     * A read receipt from the customer: refused with {@code UNKNOWN_SEQ} (400) when {@code seq} is beyond the last
     * message the gateway has projected, so a client can never read a receipt (no loops) nor a future seq. Allowed
     * after the end too (the customer may still be reading).
     */
    public Uni<String> markRead(String conversationId, long seq) {
        return requireKnownMessageSeq(conversations, conversationId, seq).chain(() -> send(
                new ConversationCommand.MarkRead(newId(), conversationId, clock.instant(), SenderType.CUSTOMER, null,
                        seq)));
    }

    /** The gateway's code for a read receipt beyond the last message it has projected. */
    public static final String UNKNOWN_SEQ = "UNKNOWN_SEQ";

    /** Fails with {@link #UNKNOWN_SEQ} unless {@code seq} is at most the last message's seq the gateway projected. */
    static Uni<Void> requireKnownMessageSeq(ConversationStore conversations, String conversationId, long seq) {
        return conversations.lastMessageSeq(conversationId).invoke(last -> {
            if (seq > last) {
                throw Refusal.invalid(UNKNOWN_SEQ, "There is no message with seq " + seq + " in this conversation"
                        + (last == 0 ? " yet." : " (its last message has seq " + last + ")."));
            }
        }).replaceWithVoid();
    }

    /** A chat the gateway has not seen created yet is open: the token proves the gateway started it. */
    private Uni<Void> requireOpen(String conversationId) {
        return conversations.summary(conversationId).invoke(summary -> {
            ConversationState state = summary.map(ConversationStore.Summary::state).orElse(null);
            if (state != null && !StateReading.isOpenForCustomer(state)) {
                throw Refusal.illegalState("This chat has ended.");
            }
        }).replaceWithVoid();
    }

    private Uni<String> send(ConversationCommand command) {
        return publisher.send(command).replaceWith(command.commandId());
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
