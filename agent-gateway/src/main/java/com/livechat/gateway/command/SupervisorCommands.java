package com.livechat.gateway.command;

import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationState;
import com.livechat.gateway.audit.SupervisionAudit;
import com.livechat.gateway.projection.ConversationStore;
import com.livechat.gateway.refusal.Refusal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/**
 * A supervisor's barge-in and take-over (issue 15); the role is checked by the REST resource. The gateway refuses
 * at once what its projection already shows (an unknown chat: 404, a chat that is not live: 409
 * {@code ILLEGAL_STATE}), records the act in the supervision audit (who, when, which chat, which act) and only then
 * sends the command on the usual path (inbound, masking, conversation), where the conversation service decides.
 */
@ApplicationScoped
public class SupervisorCommands {

    private final CommandBus publisher;
    private final ConversationStore conversations;
    private final SupervisionAudit audit;
    private final Clock clock;

    public SupervisorCommands(CommandBus publisher, ConversationStore conversations, SupervisionAudit audit,
            Clock clock) {
        this.publisher = publisher;
        this.conversations = conversations;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<String> bargeIn(String supervisorId, String supervisorName, String conversationId) {
        return intervene(supervisorId, supervisorName, conversationId, SupervisionAudit.Action.BARGE_IN);
    }

    public Uni<String> takeOver(String supervisorId, String supervisorName, String conversationId) {
        return intervene(supervisorId, supervisorName, conversationId, SupervisionAudit.Action.TAKE_OVER);
    }

    private Uni<String> intervene(String supervisorId, String supervisorName, String conversationId,
            SupervisionAudit.Action action) {
        return conversations.summary(conversationId).chain(summary -> {
            var s = summary.orElseThrow(() -> Refusal.conversationNotFound(conversationId));
            if (s.state() != ConversationState.CONNECTED) {
                throw Refusal.illegalState("Only a live chat (CONNECTED) can be joined or taken over; this one is "
                        + s.state() + ".");
            }
            String commandId = CommandBus.newCommandId();
            ConversationCommand command = action == SupervisionAudit.Action.BARGE_IN
                    ? new ConversationCommand.BargeIn(commandId, conversationId, clock.instant(), supervisorId,
                            supervisorName)
                    : new ConversationCommand.TakeOver(commandId, conversationId, clock.instant(), supervisorId,
                            supervisorName);
            return audit.record(supervisorId, supervisorName, action, conversationId)
                    .chain(() -> publisher.sendReturningId(command));
        });
    }
}
