package com.livechat.conversation.messaging;

import com.livechat.conversation.domain.CardNumberGuard;
import com.livechat.conversation.domain.CommandRefusedException;
import com.livechat.conversation.domain.ConversationCommands;
import com.livechat.conversation.domain.ConversationTimeline;
import com.livechat.conversation.domain.CustomerInactivity;
import com.livechat.conversation.domain.IllegalTransitionException;
import com.livechat.conversation.persistence.ConversationStore;
import com.livechat.conversation.persistence.LoadedConversation;
import com.livechat.conversation.persistence.ReferenceDataStore;
import com.livechat.conversation.persistence.Timestamps;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.LivechatHeaders;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.SenderType;
import com.livechat.contracts.events.Topics;
import com.livechat.platform.failure.FailureKind;
import com.livechat.platform.outbox.Inbox;
import com.livechat.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Executes the masked conversation commands of {@link Topics#CONVERSATION_COMMANDS}, each in one transaction: the
 * conversation row is locked, the command decided, new rows and events (outbox) written, and the command id recorded
 * (inbox) so that a redelivery changes nothing. A refused command rolls back and publishes a
 * {@code CommandRejected} instead; so does a command that fails for a reason retrying cannot fix (data PostgreSQL
 * refuses, a bug). While the database is unavailable the command waits ({@link Transactions}): it is never dropped.
 */
@ApplicationScoped
public class ConversationCommandConsumer {

    private static final Logger LOG = Logger.getLogger(ConversationCommandConsumer.class);
    private static final String COMMAND = "conversation command";

    private final Transactions transactions;
    private final ConversationStore store;
    private final ReferenceDataStore referenceData;
    private final ConversationCommands commands;
    private final OutboxPublisher outbox;
    private final Clock clock;
    private final CustomerInactivity inactivity;

    public ConversationCommandConsumer(Transactions transactions, ConversationStore store,
            ReferenceDataStore referenceData, ConversationCommands commands, OutboxPublisher outbox, Clock clock,
            CustomerInactivity inactivity) {
        this.inactivity = inactivity;
        this.transactions = transactions;
        this.store = store;
        this.referenceData = referenceData;
        this.commands = commands;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Incoming("conversation-commands")
    public Uni<Void> consume(ConversationCommand command, IncomingKafkaRecordMetadata<String, ?> record) {
        if (command == null || isBlank(command.commandId()) || isBlank(command.conversationId())) {
            LOG.warnf("Ignoring a conversation command without command id or conversation id: %s", command);
            return Uni.createFrom().voidItem();
        }
        Instant now = Timestamps.stored(clock.instant());
        boolean pciMasked = pciMasked(record);
        return transactions.inTransaction(COMMAND, command.commandId(),
                        session -> Inbox.firstDelivery(session, inboxKey(command))
                                .chain(first -> first ? execute(session, command, pciMasked, now)
                                        : Uni.createFrom().voidItem()))
                .onFailure(CommandRefusedException.class).recoverWithUni(failure -> {
                    CommandRefusedException refusal = (CommandRefusedException) failure;
                    return reject(command, refusal.code(), refusal.getMessage(), now);
                })
                .onFailure(IllegalTransitionException.class)
                .recoverWithUni(failure -> reject(command, RejectionCode.ILLEGAL_STATE, failure.getMessage(), now))
                .onFailure(FailureKind::isDeterministic).recoverWithUni(failure ->
                        reject(command, RejectionCode.INVALID_COMMAND, unprocessable(command, failure), now))
                .invoke(outbox::wakeUp);
    }

    /**
     * Why a command failed in a way retrying cannot fix, for the requester: data PostgreSQL refuses (SQLState class
     * 22, such as a NUL character), or anything unexpected (logged in full, it is a bug).
     */
    private static String unprocessable(ConversationCommand command, Throwable failure) {
        if (hasDataError(failure)) {
            LOG.warnf("Command %s (%s) holds data that cannot be stored: %s", command.commandId(),
                    command.getClass().getSimpleName(), failure.toString());
            return "The command holds characters or values that cannot be stored (for example a NUL character).";
        }
        LOG.errorf(failure, "Command %s (%s) could not be processed; refused", command.commandId(),
                command.getClass().getSimpleName());
        return "The command could not be processed.";
    }

    private static boolean hasDataError(Throwable failure) {
        return FailureKind.sqlState(failure).filter(sqlState -> sqlState.startsWith("22")).isPresent();
    }

    private Uni<Void> execute(Mutiny.Session session, ConversationCommand command, boolean pciMasked, Instant now) {
        if (pciMasked) {
            CardNumberGuard.refuseCardNumbers(command);
        }
        if (command instanceof ConversationCommand.StartConversation start) {
            return store.exists(session, start.conversationId()).chain(exists -> {
                if (exists) {
                    throw new CommandRefusedException(RejectionCode.ILLEGAL_STATE,
                            "Conversation " + start.conversationId() + " already exists.");
                }
                return store.save(session, LoadedConversation.begun(commands.start(start, now)));
            });
        }
        return store.lock(session, command.conversationId(), now).chain(loaded -> {
            if (loaded == null) {
                throw new CommandRefusedException(RejectionCode.UNKNOWN_CONVERSATION,
                        "There is no conversation " + command.conversationId() + ".");
            }
            Uni<Void> saved = decide(session, loaded.timeline(), command).chain(() -> store.save(session, loaded));
            // The rest of the stored copy, after the conversation row was written back.
            return command instanceof ConversationCommand.EraseCustomerData
                    ? saved.chain(() -> store.eraseCustomerData(session, command.conversationId()))
                    : saved;
        });
    }

    /** Applies the command to the locked conversation, after loading what that command needs. */
    private Uni<Void> decide(Mutiny.Session session, ConversationTimeline timeline, ConversationCommand command) {
        String conversationId = command.conversationId();
        if (command instanceof ConversationCommand.PostMessage post) {
            String senderId = post.senderType() == SenderType.AGENT ? post.agentId() : null;
            return alreadyStored(session, conversationId, post.senderType(), senderId, post.clientMessageId())
                    .invoke(stored -> {
                        commands.postMessage(timeline, post, stored);
                        if (post.senderType() == SenderType.CUSTOMER) {
                            inactivity.customerWrote(timeline);
                        }
                    }).replaceWithVoid();
        }
        if (command instanceof ConversationCommand.SendTemplate send) {
            return alreadyStored(session, conversationId, SenderType.AGENT, send.agentId(), send.clientMessageId())
                    .chain(stored -> referenceData.template(session, send.templateId())
                            .chain(template -> store.cadVariables(session, conversationId)
                                    .invoke(cad -> commands.sendTemplate(timeline, send, stored, template, cad))))
                    .replaceWithVoid();
        }
        if (command instanceof ConversationCommand.SubmitWrapUp wrapUp) {
            return referenceData.reason(session, wrapUp.reasonCode())
                    .invoke(reason -> commands.submitWrapUp(timeline, wrapUp, reason)).replaceWithVoid();
        }
        if (command instanceof ConversationCommand.MarkRead read) {
            return store.readSeq(session, conversationId, read.readerType(), read.agentId())
                    .invoke(stored -> commands.markRead(timeline, read, stored)).replaceWithVoid();
        }
        if (command instanceof ConversationCommand.SubmitSurvey survey) {
            return store.surveyExists(session, conversationId)
                    .invoke(submitted -> commands.submitSurvey(timeline, survey, submitted)).replaceWithVoid();
        }
        return Uni.createFrom().voidItem().invoke(() -> {
            if (command instanceof ConversationCommand.EndByCustomer) {
                commands.endByCustomer(timeline);
            } else if (command instanceof ConversationCommand.EndByAgent end) {
                commands.endByAgent(timeline, end.agentId());
            } else if (command instanceof ConversationCommand.RequestTransfer transfer) {
                commands.requestTransfer(timeline, transfer);
            } else if (command instanceof ConversationCommand.RequestConference conference) {
                commands.requestConference(timeline, conference);
            } else if (command instanceof ConversationCommand.EndConference end) {
                commands.endConference(timeline, end.agentId());
            } else if (command instanceof ConversationCommand.BargeIn barge) {
                commands.bargeIn(timeline, barge.supervisorId(), barge.supervisorName());
            } else if (command instanceof ConversationCommand.TakeOver takeOver) {
                commands.takeOver(timeline, takeOver.supervisorId(), takeOver.supervisorName());
            } else if (command instanceof ConversationCommand.EraseCustomerData erase) {
                commands.eraseCustomerData(timeline, erase);
            } else {
                throw new CommandRefusedException(RejectionCode.INVALID_COMMAND,
                        "Unsupported command " + command.getClass().getSimpleName() + ".");
            }
        });
    }

    /** Publishes the refusal, in its own transaction (the refused one rolled back), once per command id. */
    private Uni<Void> reject(ConversationCommand command, RejectionCode code, String reason, Instant now) {
        SenderType issuer = issuer(command);
        String agentId = issuer == SenderType.AGENT ? agentId(command) : null;
        LOG.debugf("Command %s refused: %s %s", command.commandId(), code, reason);
        ConversationEvent.CommandRejected rejected = new ConversationEvent.CommandRejected(
                UUID.randomUUID().toString(), command.conversationId(), null, now, command.commandId(), issuer, agentId,
                code, reason);
        return transactions.inTransaction(COMMAND, command.commandId(),
                        session -> Inbox.firstDelivery(session, inboxKey(command))
                                .chain(first -> first ? Outbox.append(session, Topics.CONVERSATION_EVENTS, rejected)
                                        : Uni.createFrom().voidItem()))
                // Last resort: not even the refusal can be stored. The command stays on its topic at this offset.
                .onFailure(FailureKind::isDeterministic).invoke(failure -> LOG.errorf(failure,
                        "Could not record the refusal of command %s (%s), skipped", command.commandId(), command))
                .onFailure(FailureKind::isDeterministic).recoverWithNull();
    }

    /** Whether this sender already posted this client message id: a resend. Another sender may use the same id. */
    private Uni<Boolean> alreadyStored(Mutiny.Session session, String conversationId, SenderType senderType,
            String senderId, String clientMessageId) {
        return clientMessageId == null ? Uni.createFrom().item(false)
                : store.messageExists(session, conversationId, senderType, senderId, clientMessageId);
    }

    static SenderType issuer(ConversationCommand command) {
        if (command instanceof ConversationCommand.MarkRead read) {
            return read.readerType() == SenderType.AGENT ? SenderType.AGENT : SenderType.CUSTOMER;
        }
        if (command instanceof ConversationCommand.PostMessage post) {
            return post.senderType() == SenderType.AGENT ? SenderType.AGENT : SenderType.CUSTOMER;
        }
        boolean customer = command instanceof ConversationCommand.StartConversation
                || command instanceof ConversationCommand.EndByCustomer
                || command instanceof ConversationCommand.SubmitSurvey;
        return customer ? SenderType.CUSTOMER : SenderType.AGENT;
    }

    private static String agentId(ConversationCommand command) {
        if (command instanceof ConversationCommand.PostMessage post) {
            return post.agentId();
        } else if (command instanceof ConversationCommand.SendTemplate send) {
            return send.agentId();
        } else if (command instanceof ConversationCommand.EndByAgent end) {
            return end.agentId();
        } else if (command instanceof ConversationCommand.MarkRead read) {
            return read.agentId();
        } else if (command instanceof ConversationCommand.SubmitWrapUp wrapUp) {
            return wrapUp.agentId();
        } else if (command instanceof ConversationCommand.RequestTransfer transfer) {
            return transfer.agentId();
        } else if (command instanceof ConversationCommand.RequestConference conference) {
            return conference.agentId();
        } else if (command instanceof ConversationCommand.EndConference end) {
            return end.agentId();
        } else if (command instanceof ConversationCommand.BargeIn barge) {
            return barge.supervisorId();
        } else if (command instanceof ConversationCommand.TakeOver takeOver) {
            return takeOver.supervisorId();
        }
        return null;
    }

    /**
     * Whether PCI masking was on when the masking service forwarded the command (header absent: assume it was).
     * With PCI masking turned off by an administrator, card numbers are meant to reach agents, and so are stored.
     */
    private static boolean pciMasked(IncomingKafkaRecordMetadata<String, ?> record) {
        Header header = record.getHeaders().lastHeader(LivechatHeaders.PCI_MASKING);
        return header == null || !LivechatHeaders.OFF.equals(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static String inboxKey(ConversationCommand command) {
        return "command:" + command.commandId();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
