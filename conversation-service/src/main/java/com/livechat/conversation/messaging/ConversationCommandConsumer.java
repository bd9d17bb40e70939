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
import com.livechat.platform.tracing.HopSpans;
import com.livechat.platform.tracing.TraceContexts;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Executes the masked conversation commands of {@link Topics#CONVERSATION_COMMANDS}, a poll at a time: the whole poll
 * in one transaction (one commit instead of one per command), its conversations locked at the start in id order, then
 * each command in the order read (so per conversation, the key): the conversation row locked, the command decided,
 * new rows and events (outbox) written, and the command id recorded (inbox) so that a redelivery changes nothing.
 * A command the core refuses (it decides before writing anything) publishes a {@code CommandRejected} in the same
 * transaction and the others go on. A command that fails in a way retrying cannot fix (data PostgreSQL refuses, a bug)
 * rolls the poll back, and the poll is then executed command by command, each in its own transaction, so that only
 * that command is refused. While the database is unavailable the poll waits ({@link Transactions}): it is never
 * dropped.
 */
@ApplicationScoped
public class ConversationCommandConsumer {

    private static final Logger LOG = Logger.getLogger(ConversationCommandConsumer.class);
    private static final String COMMAND = "conversation command";
    private static final String BATCH = "conversation command batch";

    private final Transactions transactions;
    private final ConversationStore store;
    private final ReferenceDataStore referenceData;
    private final ConversationCommands commands;
    private final OutboxPublisher outbox;
    private final Clock clock;
    private final CustomerInactivity inactivity;
    private final HopSpans spans;

    public ConversationCommandConsumer(Transactions transactions, ConversationStore store,
            ReferenceDataStore referenceData, ConversationCommands commands, OutboxPublisher outbox, Clock clock,
            CustomerInactivity inactivity, Tracer tracer) {
        this.inactivity = inactivity;
        this.spans = new HopSpans(tracer);
        this.transactions = transactions;
        this.store = store;
        this.referenceData = referenceData;
        this.commands = commands;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A command as read, with whether PCI masking was on when the masking service forwarded it, and the trace it
     * continues (the masking service's publish; {@code null} with tracing off).
     */
    private record Received(ConversationCommand command, boolean pciMasked, String traceparent) {

        /** The span of this command's execution, whose trace context its events carry to the outbox. */
        String spanName() {
            return "conversation " + command.getClass().getSimpleName();
        }
    }

    @Incoming("conversation-commands")
    public Uni<Void> consume(ConsumerRecords<String, ConversationCommand> records) {
        List<Received> received = new ArrayList<>(records.count());
        for (ConsumerRecord<String, ConversationCommand> record : records) {
            ConversationCommand command = record.value();
            if (command == null || isBlank(command.commandId()) || isBlank(command.conversationId())) {
                LOG.warnf("Ignoring a conversation command without command id or conversation id: %s", command);
            } else {
                received.add(new Received(command, pciMasked(record.headers()),
                        TraceContexts.traceparent(record.headers())));
            }
        }
        if (received.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (received.size() == 1) {
            return consumeOne(received.get(0));
        }
        return transactions.inTransaction(BATCH, received.get(0).command().commandId() + " +" + (received.size() - 1),
                        session -> executeAll(session, received))
                .invoke(outbox::wakeUp)
                .onFailure(FailureKind::isDeterministic).recoverWithUni(failure -> {
                    LOG.debugf("A poll of %d commands failed (%s); executing them one by one", received.size(),
                            failure);
                    return oneByOne(received);
                });
    }

    /**
     * The poll in the caller's transaction: the ids recorded (inbox) and the conversations locked at once, then each
     * first-seen command in order, refusals included (a refused command writes nothing but its rejection).
     */
    private Uni<Void> executeAll(Mutiny.Session session, List<Received> received) {
        List<String> ids = received.stream().map(r -> inboxKey(r.command())).toList();
        return Inbox.firstDeliveries(session, ids)
                .chain(firstSeen -> {
                    List<Received> toExecute = new ArrayList<>();
                    for (Received one : received) {
                        // remove(): a command listed twice in one poll is executed once.
                        if (firstSeen.remove(inboxKey(one.command()))) {
                            toExecute.add(one);
                        }
                    }
                    return PollTransaction.start(session, store, toExecute.stream().map(Received::command).toList())
                            .chain(poll -> {
                                Uni<Void> chain = Uni.createFrom().voidItem();
                                for (Received one : toExecute) {
                                    chain = chain.chain(() -> executeOrRefuse(session, poll, one));
                                }
                                return chain.chain(() -> poll.finish(session));
                            });
                });
    }

    /**
     * One command of a poll. The core refuses before anything of the command is written, so its refusal is recorded
     * in the same transaction and leaves the poll's rows as they were; a command takes its conversation as the
     * previous ones left it ({@link PollTransaction}). Only a plain message leaves writes pending for later commands.
     */
    private Uni<Void> executeOrRefuse(Mutiny.Session session, PollTransaction poll, Received one) {
        ConversationCommand command = one.command();
        if (PollTransaction.isPlainMessage(command)) {
            return executeOrRefuseNow(session, poll, one);
        }
        return poll.flush(session).chain(() -> executeOrRefuseNow(session, poll, one)).chain(() -> poll.flush(session));
    }

    private Uni<Void> executeOrRefuseNow(Mutiny.Session session, PollTransaction poll, Received one) {
        ConversationCommand command = one.command();
        Instant now = Timestamps.stored(clock.instant());
        // Deferred: the card-number guard refuses by throwing at once.
        return spans.around(one.spanName(), one.traceparent(), trace -> Uni.createFrom()
                .deferred(() -> execute(session, poll, command, one.pciMasked(), now, trace))
                .onFailure(CommandRefusedException.class).recoverWithItem(failure -> {
                    CommandRefusedException refusal = (CommandRefusedException) failure;
                    poll.publish(rejection(command, refusal.code(), refusal.getMessage(), now), trace);
                    return null;
                })
                .onFailure(IllegalTransitionException.class).recoverWithItem(failure -> {
                    poll.publish(rejection(command, RejectionCode.ILLEGAL_STATE, failure.getMessage(), now), trace);
                    return null;
                }));
    }

    private Uni<Void> oneByOne(List<Received> received) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Received one : received) {
            chain = chain.chain(() -> consumeOne(one));
        }
        return chain;
    }

    /** One command in its own transaction; a refusal is published in another one (the refused one rolled back). */
    private Uni<Void> consumeOne(Received one) {
        ConversationCommand command = one.command();
        Instant now = Timestamps.stored(clock.instant());
        return spans.around(one.spanName(), one.traceparent(), trace -> transactions.inTransaction(COMMAND,
                        command.commandId(), session -> Inbox.firstDelivery(session, inboxKey(command))
                                .chain(first -> first ? executeAlone(session, command, one.pciMasked(), now, trace)
                                        : Uni.createFrom().voidItem()))
                .onFailure(CommandRefusedException.class).recoverWithUni(failure -> {
                    CommandRefusedException refusal = (CommandRefusedException) failure;
                    return reject(command, refusal.code(), refusal.getMessage(), now, trace);
                })
                .onFailure(IllegalTransitionException.class).recoverWithUni(failure ->
                        reject(command, RejectionCode.ILLEGAL_STATE, failure.getMessage(), now, trace))
                .onFailure(FailureKind::isDeterministic).recoverWithUni(failure ->
                        reject(command, RejectionCode.INVALID_COMMAND, unprocessable(command, failure), now, trace)))
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

    /** One command as a poll of its own: its events appended after it. */
    private Uni<Void> executeAlone(Mutiny.Session session, ConversationCommand command, boolean pciMasked,
            Instant now, String trace) {
        return PollTransaction.start(session, store, List.of(command)).chain(poll ->
                execute(session, poll, command, pciMasked, now, trace).chain(() -> poll.finish(session)));
    }

    /** {@code trace}: the traceparent the command's events carry to the outbox ({@code null}: none). */
    private Uni<Void> execute(Mutiny.Session session, PollTransaction poll, ConversationCommand command,
            boolean pciMasked, Instant now, String trace) {
        if (pciMasked) {
            CardNumberGuard.refuseCardNumbers(command);
        }
        if (command instanceof ConversationCommand.StartConversation start) {
            if (poll.conversations().exists(start.conversationId())) {
                throw new CommandRefusedException(RejectionCode.ILLEGAL_STATE,
                        "Conversation " + start.conversationId() + " already exists.");
            }
            LoadedConversation begun = LoadedConversation.begun(commands.start(start, now));
            return store.stage(session, begun, poll.conversations()).invoke(() -> poll.saved(begun, trace));
        }
        LoadedConversation loaded = poll.conversations().load(command.conversationId(), now);
        if (loaded == null) {
            throw new CommandRefusedException(RejectionCode.UNKNOWN_CONVERSATION,
                    "There is no conversation " + command.conversationId() + ".");
        }
        Uni<Void> staged = decide(session, poll, loaded.timeline(), command)
                .chain(() -> store.stage(session, loaded, poll.conversations()))
                .invoke(() -> poll.saved(loaded, trace));
        // The rest of the stored copy, after the conversation row and every message were written.
        return command instanceof ConversationCommand.EraseCustomerData
                ? staged.chain(() -> poll.flush(session)).chain(() -> store.eraseCustomerData(session,
                        command.conversationId()))
                : staged;
    }

    /** Applies the command to the locked conversation, after loading what that command needs. */
    private Uni<Void> decide(Mutiny.Session session, PollTransaction poll, ConversationTimeline timeline,
            ConversationCommand command) {
        String conversationId = command.conversationId();
        if (command instanceof ConversationCommand.PostMessage post) {
            String senderId = post.senderType() == SenderType.AGENT ? post.agentId() : null;
            boolean stored = poll.alreadyStored(conversationId, post.senderType(), senderId, post.clientMessageId());
            return Uni.createFrom().voidItem().invoke(() -> {
                commands.postMessage(timeline, post, stored);
                if (post.senderType() == SenderType.CUSTOMER) {
                    inactivity.customerWrote(timeline);
                }
            });
        }
        if (command instanceof ConversationCommand.SendTemplate send) {
            boolean stored = poll.alreadyStored(conversationId, SenderType.AGENT, send.agentId(),
                    send.clientMessageId());
            return referenceData.template(session, send.templateId())
                    .chain(template -> store.cadVariables(session, conversationId)
                            .invoke(cad -> commands.sendTemplate(timeline, send, stored, template, cad)))
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
    private Uni<Void> reject(ConversationCommand command, RejectionCode code, String reason, Instant now,
            String trace) {
        return transactions.inTransaction(COMMAND, command.commandId(),
                        session -> Inbox.firstDelivery(session, inboxKey(command))
                                .chain(first -> first ? appendRejection(session, command, code, reason, now, trace)
                                        : Uni.createFrom().voidItem()))
                // Last resort: not even the refusal can be stored. The command stays on its topic at this offset.
                .onFailure(FailureKind::isDeterministic).invoke(failure -> LOG.errorf(failure,
                        "Could not record the refusal of command %s (%s), skipped", command.commandId(), command))
                .onFailure(FailureKind::isDeterministic).recoverWithNull();
    }

    /** The refusal of {@code command} into the outbox of the caller's transaction. */
    private static Uni<Void> appendRejection(Mutiny.Session session, ConversationCommand command, RejectionCode code,
            String reason, Instant now, String trace) {
        return Outbox.append(session, Topics.CONVERSATION_EVENTS, rejection(command, code, reason, now), trace);
    }

    private static ConversationEvent.CommandRejected rejection(ConversationCommand command, RejectionCode code,
            String reason, Instant now) {
        SenderType issuer = issuer(command);
        String agentId = issuer == SenderType.AGENT ? agentId(command) : null;
        LOG.debugf("Command %s refused: %s %s", command.commandId(), code, reason);
        return new ConversationEvent.CommandRejected(UUID.randomUUID().toString(), command.conversationId(), null,
                now, command.commandId(), issuer, agentId, code, reason);
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
    private static boolean pciMasked(Headers headers) {
        Header header = headers.lastHeader(LivechatHeaders.PCI_MASKING);
        return header == null || !LivechatHeaders.OFF.equals(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static String inboxKey(ConversationCommand command) {
        return "command:" + command.commandId();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
