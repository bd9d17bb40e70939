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
import com.livechat.contracts.events.BusinessHours;
import com.livechat.contracts.events.ReferenceData;
import com.livechat.platform.time.OpeningHours;
import com.livechat.platform.validation.MessageRules;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.UUID;

import static com.livechat.gateway.command.CommandBus.newCommandId;

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

    /** Whether a queue is open now (business hours) and, when closed, when it opens next (null: not known). */
    public record Availability(String queueId, boolean open, Instant nextOpening, String timeZone) {
    }

    /** The gateway's code for a chat started while its queue is closed (409): leave a message instead. */
    public static final String QUEUE_CLOSED = "QUEUE_CLOSED";
    /** The gateway's code for a message left without a usable contact (400). */
    public static final String INVALID_CONTACT = "INVALID_CONTACT";
    /** The CAD attribute that marks a chat started as a message left outside business hours. */
    public static final String OFFLINE_ATTRIBUTE = "offlineMessage";
    /** A phone number as a customer types one: digits, spaces, dots, dashes, brackets, a leading +; 6 to 20 digits. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .()-]{6,40}");

    /** A queue's availability now, from routing's reference data; {@code UNKNOWN_QUEUE} when there is no such queue. */
    public Uni<Availability> availability(String queueId) {
        return queue(queueId).map(queue -> availability(queue, clock.instant()));
    }

    private static Availability availability(ReferenceData.QueueInfo queue, Instant now) {
        BusinessHours hours = queue.businessHours();
        return new Availability(queue.id(), OpeningHours.isOpen(hours, now),
                OpeningHours.nextOpening(hours, now).orElse(null), hours == null ? null : hours.timeZone());
    }

    private Uni<ReferenceData.QueueInfo> queue(String queueId) {
        return reference.findQueue(queueId).map(queue -> queue.orElseThrow(() -> Refusal.unknown(
                RejectionCode.UNKNOWN_QUEUE, "Queue " + queueId + " was not found.")));
    }

    public Uni<StartedChat> start(String queueId, Customer customer, Map<String, String> attributes, String invitationId) {
        return start(queueId, customer, attributes, invitationId, null);
    }

    /**
     * Starts a chat. While its queue is closed (business hours) a chat is refused with 409 {@code QUEUE_CLOSED},
     * unless it is a message left for later ({@code offlineMessage} not null): that one needs a contact (an e-mail
     * or a phone number) and a message valid as any customer message, becomes a chat whose first message it is
     * (marked with the CAD attribute {@code offlineMessage}), and waits in its queue, through masking like any
     * other, for the opening.
     */
    public Uni<StartedChat> start(String queueId, Customer customer, Map<String, String> attributes,
            String invitationId, String offlineMessage) {
        if (offlineMessage != null) {
            var violation = MessageRules.checkCustomerMessage(offlineMessage);
            if (violation.isPresent()) {
                return Uni.createFrom().failure(Refusal.invalidMessage(violation.get()));
            }
            boolean hasEmail = customer.email() != null && !customer.email().isBlank();
            boolean hasPhone = customer.phone() != null && !customer.phone().isBlank();
            if (!hasEmail && !hasPhone) {
                return Uni.createFrom().failure(Refusal.invalid(INVALID_CONTACT,
                        "A message left outside business hours needs an e-mail address or a phone number to answer."));
            }
            if (hasPhone && (!PHONE.matcher(customer.phone().trim()).matches()
                    || customer.phone().chars().filter(Character::isDigit).count() > 20)) {
                return Uni.createFrom().failure(Refusal.invalid(INVALID_CONTACT,
                        "A phone number has 6 to 20 digits, with spaces, dots, dashes, brackets or a leading +."));
            }
        }
        Uni<Boolean> proactive = invitationId == null
                ? Uni.createFrom().item(false)
                : invitations.findValid(invitationId, queueId).map(invitation -> {
                    if (invitation.isEmpty()) {
                        throw Refusal.invalid("INVALID_INVITATION",
                                "Invitation " + invitationId + " is unknown, expired or for another queue.");
                    }
                    return true;
                });
        return queue(queueId).chain(queue -> {
            Instant now = clock.instant();
            Availability availability = availability(queue, now);
            if (!availability.open() && offlineMessage == null) {
                throw Refusal.conflict(QUEUE_CLOSED, "Queue " + queue.name() + " is closed"
                        + (availability.nextOpening() == null ? "" : " until " + availability.nextOpening())
                        + ": leave a message instead (offline: true).");
            }
            return proactive.chain(isProactive -> {
                String conversationId = UUID.randomUUID().toString();
                Map<String, String> cad = new LinkedHashMap<>(attributes == null ? Map.of() : attributes);
                // Only the message form makes a left message (routing never ends one at the maximum wait).
                if (offlineMessage != null) {
                    cad.put(OFFLINE_ATTRIBUTE, "true");
                } else {
                    cad.remove(OFFLINE_ATTRIBUTE);
                }
                ConversationCommand.StartConversation command = new ConversationCommand.StartConversation(
                        newCommandId(), conversationId, now, queueId, queue.name(), customer, cad, isProactive);
                Uni<Void> sent = publisher.send(command).replaceWithVoid();
                if (offlineMessage != null) {
                    // Same key, right after the start: the message is the chat's first, masked like any other.
                    sent = sent.chain(() -> publisher.send(new ConversationCommand.PostMessage(newCommandId(),
                            conversationId, now, "offline-" + conversationId, SenderType.CUSTOMER, null,
                            offlineMessage))
                            .replaceWithVoid());
                }
                return sent.replaceWith(new StartedChat(conversationId, command.commandId()));
            });
        });
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
        return requireOpen(conversationId).chain(() -> publisher.sendReturningId(new ConversationCommand.PostMessage(
                newCommandId(), conversationId, clock.instant(), clientMessageId, SenderType.CUSTOMER, null, text)));
    }

    public Uni<String> end(String conversationId) {
        return requireOpen(conversationId)
                .chain(() -> publisher.sendReturningId(new ConversationCommand.EndByCustomer(newCommandId(),
                        conversationId, clock.instant())));
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
        }).chain(() -> publisher.sendReturningId(new ConversationCommand.SubmitSurvey(newCommandId(), conversationId,
                clock.instant(), rating, comment == null || comment.isBlank() ? null : comment)));
    }

    /**
     * A read receipt from the customer: refused with {@code UNKNOWN_SEQ} (400) when {@code seq} is beyond the last
     * message the gateway has projected, so a client can never read a receipt (no loops) nor a future seq. Allowed
     * after the end too (the customer may still be reading).
     */
    public Uni<String> markRead(String conversationId, long seq) {
        return requireKnownMessageSeq(conversations, conversationId, seq).chain(() -> publisher.sendReturningId(
                new ConversationCommand.MarkRead(newCommandId(), conversationId, clock.instant(), SenderType.CUSTOMER,
                        null, seq)));
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
}
