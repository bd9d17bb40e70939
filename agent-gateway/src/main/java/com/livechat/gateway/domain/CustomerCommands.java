package com.livechat.gateway.domain;

import com.livechat.gateway.domain.ReferenceStore.Kind;
import com.livechat.gateway.messaging.CommandPublisher;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.Customer;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.SenderType;
import com.livechat.platform.problem.ApiException;
import com.livechat.platform.validation.MessageRules;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** What a website visitor asks for: start a chat, write, leave. Same pattern as {@link AgentCommands}. */
@ApplicationScoped
public class CustomerCommands {

    /** A started chat: its id and the command that starts it. */
    public record StartedChat(String conversationId, String commandId) {
    }

    private final CommandPublisher publisher;
    private final ReferenceStore reference;
    private final ConversationStore conversations;
    private final InvitationRepository invitations;

    public CustomerCommands(CommandPublisher publisher, ReferenceStore reference, ConversationStore conversations,
            InvitationRepository invitations) {
        this.publisher = publisher;
        this.reference = reference;
        this.conversations = conversations;
        this.invitations = invitations;
    }

    public Uni<StartedChat> start(String queueId, Customer customer, Map<String, String> attributes, String invitationId) {
        Uni<Boolean> proactive = invitationId == null
                ? Uni.createFrom().item(false)
                : invitations.findValid(invitationId, queueId).map(invitation -> {
                    if (invitation.isEmpty()) {
                        throw ApiException.badRequest("Invitation " + invitationId + " is unknown, expired or for another queue.",
                                "INVALID_INVITATION");
                    }
                    return true;
                });
        return queueName(queueId).chain(queueName -> proactive.chain(isProactive -> {
            String conversationId = UUID.randomUUID().toString();
            ConversationCommand.StartConversation command = new ConversationCommand.StartConversation(newId(),
                    conversationId, Instant.now(), queueId, queueName, customer,
                    attributes == null ? Map.of() : attributes, isProactive);
            return publisher.send(command).replaceWith(new StartedChat(conversationId, command.commandId()));
        }));
    }

    /** The name of a queue that exists, else 404. */
    public Uni<String> queueName(String queueId) {
        return reference.find(Kind.QUEUE, queueId).map(queue -> queue.orElseThrow(() -> new ApiException(404,
                "Not Found", "Queue " + queueId + " was not found.", RejectionCode.UNKNOWN_QUEUE.name())).name());
    }

    public Uni<String> postMessage(String conversationId, String clientMessageId, String text) {
        var violation = MessageRules.checkCustomerMessage(text);
        if (violation.isPresent()) {
            return Uni.createFrom().failure(Failures.invalidMessage(violation.get()));
        }
        return requireOpen(conversationId).chain(() -> send(new ConversationCommand.PostMessage(newId(), conversationId,
                Instant.now(), clientMessageId, SenderType.CUSTOMER, null, text)));
    }

    public Uni<String> end(String conversationId) {
        return requireOpen(conversationId)
                .chain(() -> send(new ConversationCommand.EndByCustomer(newId(), conversationId, Instant.now())));
    }

    /** A chat the gateway has not seen created yet is open: the token proves the gateway started it. */
    private Uni<Void> requireOpen(String conversationId) {
        return conversations.summary(conversationId).invoke(summary -> {
            ConversationState state = summary.map(ConversationStore.Summary::state).orElse(null);
            if (state != null && !StateReading.isOpenForCustomer(state)) {
                throw Failures.illegalState("This chat has ended.");
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
