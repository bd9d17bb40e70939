package com.livechat.conversation.domain;

import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.Customer;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.QueueReason;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.SenderType;
import com.livechat.platform.validation.MessageRules;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What each conversation command does, decided on a locked {@link ConversationTimeline}. A command that cannot be
 * carried out throws {@link CommandRefusedException} with a code and a sentence for the person who issued it; the
 * caller then rolls back and publishes a {@code CommandRejected} instead.
 */
public final class ConversationCommands {

    /** System CAD variables, set by the service and never overridden by custom attributes. */
    public static final String CAD_CONTACT_ORIGIN = "contactOrigin";
    public static final String CAD_CONTACT_DIRECTION = "contactDirection";
    public static final String CAD_QUEUE = "queue";
    /**
     * The CAD attribute the gateway sets to {@code "true"} on a chat started as a message left with the widget's
     * message form (and only there): the conversation is then a left message ({@link Conversation#leftMessage()}).
     */
    public static final String CAD_OFFLINE_MESSAGE = "offlineMessage";

    private final int maxConferenceAgents;

    public ConversationCommands(int maxConferenceAgents) {
        this.maxConferenceAgents = maxConferenceAgents;
    }

    /** Creates the conversation, QUEUED, with its CAD variables; emits ConversationStarted then ConversationQueued. */
    public ConversationTimeline start(ConversationCommand.StartConversation command, Instant now) {
        Customer customer = command.customer();
        if (isBlank(command.queueId())) {
            throw invalid("A chat must name the queue it starts in.");
        }
        if (customer == null || isBlank(customer.name())) {
            throw invalid("A chat needs the customer's name.");
        }
        String queueName = isBlank(command.queueName()) ? command.queueId() : command.queueName();
        Map<String, String> cad = cadVariables(command, queueName);
        Conversation conversation = new Conversation(command.conversationId(), command.queueId(), queueName,
                customer.name(), blankToNull(customer.email()), blankToNull(customer.phone()), command.proactive(), now);
        conversation.leftMessage("true".equals(cad.get(CAD_OFFLINE_MESSAGE)));
        ConversationTimeline timeline = ConversationTimeline.begin(conversation, now);
        cad.forEach((name, value) -> timeline.add(new CadVariable(conversation.id(), name, value)));
        timeline.emit(seq -> new ConversationEvent.ConversationStarted(UUID.randomUUID().toString(),
                conversation.id(), seq, now, conversation.queueId(), queueName, customer, Map.copyOf(cad),
                command.proactive()));
        timeline.emit(seq -> queued(conversation, seq, now, QueueReason.NEW));
        return timeline;
    }

    /** Custom attributes first, then the system variables, which win over a custom attribute of the same name. */
    static Map<String, String> cadVariables(ConversationCommand.StartConversation command, String queueName) {
        Map<String, String> cad = new LinkedHashMap<>();
        if (command.attributes() != null) {
            command.attributes().forEach((name, value) -> {
                if (!isBlank(name) && value != null) {
                    cad.put(name, value);
                }
            });
        }
        Customer customer = command.customer();
        String origin = !isBlank(customer.email()) ? customer.email() : blankToNull(customer.phone());
        if (origin != null) {
            cad.put(CAD_CONTACT_ORIGIN, origin);
        } else {
            cad.remove(CAD_CONTACT_ORIGIN);
        }
        cad.put(CAD_CONTACT_DIRECTION, command.proactive() ? "PROACTIVE" : "INBOUND");
        cad.put(CAD_QUEUE, queueName);
        return cad;
    }

    /**
     * Adds a customer or agent message. {@code alreadyStored} is true when the same sender already posted a message
     * with this client id: the resend is then ignored, without error.
     */
    public void postMessage(ConversationTimeline timeline, ConversationCommand.PostMessage command,
            boolean alreadyStored) {
        if (alreadyStored) {
            return;
        }
        if (isBlank(command.clientMessageId())) {
            throw invalid("A message needs a client message id.");
        }
        Conversation conversation = timeline.conversation();
        if (command.senderType() == SenderType.CUSTOMER) {
            if (!ConversationLifecycle.isOpenForCustomer(conversation.state())) {
                throw new CommandRefusedException(RejectionCode.ILLEGAL_STATE,
                        "The chat has ended: no more messages can be sent.");
            }
            refuseIf(MessageRules.checkCustomerMessage(command.text()));
            timeline.post(command.clientMessageId(), SenderType.CUSTOMER, null, conversation.customerName(),
                    Audience.EVERYONE, command.text());
        } else if (command.senderType() == SenderType.AGENT) {
            Participation agent = agentWhoMaySend(timeline, command.agentId());
            refuseIf(MessageRules.checkAgentMessage(command.text()));
            timeline.post(command.clientMessageId(), SenderType.AGENT, agent.agentId(), agent.displayName(),
                    Audience.EVERYONE, command.text());
        } else {
            throw invalid("A message is sent by the customer or by an agent.");
        }
    }

    /**
     * Sends an admin-defined template filled from the conversation. {@code template} is null when no template has
     * that id; {@code cad} holds the conversation's CAD variables.
     */
    public void sendTemplate(ConversationTimeline timeline, ConversationCommand.SendTemplate command,
            boolean alreadyStored, MessageTemplate template, Map<String, String> cad) {
        if (alreadyStored) {
            return;
        }
        if (isBlank(command.clientMessageId())) {
            throw invalid("A message needs a client message id.");
        }
        Participation agent = agentWhoMaySend(timeline, command.agentId());
        if (template == null) {
            throw new CommandRefusedException(RejectionCode.UNKNOWN_TEMPLATE,
                    "There is no message template '" + command.templateId() + "'.");
        }
        Conversation conversation = timeline.conversation();
        Map<String, String> values = new HashMap<>(cad);
        values.put("customerName", conversation.customerName());
        values.put("queueName", conversation.queueName());
        values.put("agentName", agent.displayName());
        TemplateRenderer.Result filled = TemplateRenderer.render(template.body(), values);
        if (!filled.complete()) {
            throw new CommandRefusedException(RejectionCode.INVALID_MESSAGE, "The template '" + template.name()
                    + "' needs <" + filled.missingParameter() + ">, which this conversation does not have.");
        }
        int length = filled.text().codePointCount(0, filled.text().length());
        if (length > MessageRules.CUSTOMER_MAX_CODE_POINTS) {
            throw new CommandRefusedException(RejectionCode.MESSAGE_TOO_LONG, "The filled template has " + length
                    + " characters; a message may hold at most " + MessageRules.CUSTOMER_MAX_CODE_POINTS + ".");
        }
        timeline.post(command.clientMessageId(), SenderType.AGENT, agent.agentId(), agent.displayName(),
                Audience.EVERYONE, filled.text());
    }

    /** "End chat" in the widget: agents are told and wrap up; a chat nobody took yet is abandoned. */
    public void endByCustomer(ConversationTimeline timeline) {
        ConversationState state = timeline.state();
        if (state == ConversationState.CONNECTED) {
            timeline.moveTo(ConversationState.CUSTOMER_ENDED, "ended by the customer");
            timeline.system(Audience.AGENTS, SystemMessages.CUSTOMER_ENDED);
        } else if (ConversationLifecycle.isWaitingForAgent(state)) {
            timeline.moveTo(ConversationState.ABANDONED, "the customer left before an agent took the chat");
            timeline.closeIfSettled();
        } else {
            throw new CommandRefusedException(RejectionCode.ILLEGAL_STATE, "The chat has already ended.");
        }
    }

    /** The agent ends their part: wrap-up for them; the last agent out ends the conversation. */
    public void endByAgent(ConversationTimeline timeline, String agentId) {
        Participation agent = requireInConversation(timeline, agentId);
        leave(timeline, agent, "ended by the agent");
    }

    /** "End conference": the agent leaves and wraps up, the other agent carries on alone. */
    public void endConference(ConversationTimeline timeline, String agentId) {
        Participation agent = requireInConversation(timeline, agentId);
        if (agent.state() != ParticipantState.CONFERENCE) {
            throw new CommandRefusedException(RejectionCode.ILLEGAL_STATE,
                    "You are not in a conference (your part is " + agent.state() + "); use End to leave the chat.");
        }
        leave(timeline, agent, "left the conference");
    }

    private void leave(ConversationTimeline timeline, Participation agent, String reason) {
        timeline.moveParticipant(agent, ParticipantState.WRAP_UP, reason);
        if (timeline.holdersInConversation().isEmpty()) {
            // A supervisor who only barged in leaves with the last agent.
            dropBargedInSupervisors(timeline, "the last agent left the chat");
        }
        List<Participation> remaining = timeline.agentsInConversation();
        if (remaining.isEmpty()) {
            ConversationState state = timeline.state();
            boolean customerStillThere = state == ConversationState.CONNECTED
                    || state == ConversationState.INTERRUPTED;
            if (customerStillThere) {
                timeline.system(Audience.CUSTOMER, SystemMessages.CHAT_ENDED);
            }
            timeline.moveTo(ConversationState.ENDED, "no agent left in the chat");
            timeline.closeIfSettled();
            return;
        }
        timeline.system(Audience.EVERYONE, SystemMessages.left(agent.displayName()));
        List<Participation> holders = timeline.holdersInConversation();
        if (holders.size() == 1 && holders.get(0).state() == ParticipantState.CONFERENCE) {
            timeline.moveParticipant(holders.get(0), ParticipantState.ACTIVE, "the other agent left");
        }
    }

    private static void dropBargedInSupervisors(ConversationTimeline timeline, String reason) {
        for (Participation supervisor : timeline.agentsInConversation()) {
            if (supervisor.isSupervisor() && supervisor.state() != ParticipantState.ACTIVE) {
                timeline.moveParticipant(supervisor, ParticipantState.WRAP_UP, reason);
            }
        }
    }

    /**
     * A supervisor barges in: they join the live chat as a participant without an offer (a conference join that
     * routing never offered: {@code CONFERENCE}, the agents keep their own state), "joined the chat" is shown to
     * everyone, and they may write like an agent. They need no wrap-up and leave with the last agent (or on a
     * transfer). A supervisor already in the chat: nothing happens (idempotent). Only a CONNECTED chat.
     */
    public void bargeIn(ConversationTimeline timeline, String supervisorId, String supervisorName) {
        String id = requireSupervisorId(supervisorId);
        if (timeline.inConversation(id).isPresent()) {
            return;
        }
        requireLive(timeline, "joined");
        String name = isBlank(supervisorName) ? id : supervisorName;
        timeline.supervisorJoins(id, name, OfferKind.CONFERENCE, ParticipantState.CONFERENCE,
                "barged in (supervisor)");
        timeline.system(Audience.EVERYONE, SystemMessages.joined(name));
    }

    /**
     * A supervisor takes the chat over: a transfer to the supervisor without routing. They become the chat's agent
     * ({@code ACTIVE}; joining first, "joined the chat", unless they had barged in), and every other agent is told
     * on their desktop, leaves ("left the chat") and wraps up as after a transfer (routing frees their slot at
     * WRAP_UP). A supervisor who already holds the chat alone: nothing happens (idempotent). Only a CONNECTED chat
     * without a pending conference invitation.
     */
    public void takeOver(ConversationTimeline timeline, String supervisorId, String supervisorName) {
        String id = requireSupervisorId(supervisorId);
        java.util.Optional<Participation> own = timeline.inConversation(id);
        List<Participation> others = timeline.agentsInConversation().stream()
                .filter(p -> !p.agentId().equals(id)).toList();
        if (own.isPresent() && own.get().state() == ParticipantState.ACTIVE && others.isEmpty()) {
            return;
        }
        requireLive(timeline, "taken over");
        if (!timeline.inState(ParticipantState.CONFERENCE_REQUESTED).isEmpty()
                || timeline.hasPendingOffer(OfferKind.CONFERENCE)) {
            throw new CommandRefusedException(RejectionCode.ILLEGAL_STATE,
                    "A conference invitation is pending for this chat: take it over once it is answered.");
        }
        String name = isBlank(supervisorName) ? id : supervisorName;
        Participation supervisor = own.orElse(null);
        if (supervisor == null) {
            supervisor = timeline.supervisorJoins(id, name, OfferKind.TRANSFER, ParticipantState.ACTIVE,
                    "took over the chat (supervisor)");
            timeline.system(Audience.EVERYONE, SystemMessages.joined(name));
        }
        if (!others.isEmpty()) {
            timeline.system(Audience.AGENTS, SystemMessages.takenOver(name));
        }
        for (Participation other : others) {
            timeline.moveParticipant(other, ParticipantState.WRAP_UP, "taken over by " + name);
            timeline.system(Audience.EVERYONE, SystemMessages.left(other.displayName()));
        }
        if (supervisor.state() != ParticipantState.ACTIVE) {
            timeline.moveParticipant(supervisor, ParticipantState.ACTIVE, "took over the chat (supervisor)");
        }
    }

    /** The agent records a wrap-up reason (and a note); {@code reason} is null when the code is unknown. */
    public void submitWrapUp(ConversationTimeline timeline, ConversationCommand.SubmitWrapUp command,
            WrapUpReason reason) {
        String agentId = requireAgentId(command.agentId());
        Participation agent = timeline.withState(agentId, ParticipantState.WRAP_UP).orElseThrow(() -> {
            if (timeline.inConversation(agentId).isPresent()) {
                return new CommandRefusedException(RejectionCode.ILLEGAL_STATE,
                        "End your part in the chat before submitting the wrap-up.");
            }
            if (timeline.withState(agentId, ParticipantState.DONE).isPresent()) {
                return new CommandRefusedException(RejectionCode.ILLEGAL_STATE,
                        "The wrap-up for this chat was already submitted.");
            }
            return notAParticipant(agentId);
        });
        if (reason == null) {
            throw new CommandRefusedException(RejectionCode.UNKNOWN_WRAP_UP_REASON,
                    "There is no wrap-up reason '" + command.reasonCode() + "'.");
        }
        refuseIf(MessageRules.checkWrapUpNote(command.note()));
        // After an erasure the transcript is gone: a note written afterwards is not kept either.
        String note = timeline.conversation().erasedAt() != null ? null : blankToNull(command.note());
        timeline.add(new WrapUp(agent, reason, note, timeline.now()));
        Conversation conversation = timeline.conversation();
        timeline.emit(seq -> new ConversationEvent.WrapUpRecorded(UUID.randomUUID().toString(), conversation.id(),
                seq, timeline.now(), agentId, reason.code(), reason.label(), note));
        timeline.moveParticipant(agent, ParticipantState.DONE, "wrap-up " + reason.code());
        timeline.closeIfSettled();
    }

    /**
     * The customer's satisfaction survey, once the chat is over for them (the customer ended it, or it ended, was
     * abandoned or closed) and provided an agent had joined it: a chat nobody took has nothing to rate.
     * {@code alreadySubmitted}: a survey of this conversation is stored; the second one is refused, the first stays.
     */
    public void submitSurvey(ConversationTimeline timeline, ConversationCommand.SubmitSurvey command,
            boolean alreadySubmitted) {
        ConversationState state = timeline.state();
        if (state != ConversationState.CUSTOMER_ENDED && state != ConversationState.ENDED
                && state != ConversationState.CLOSED && state != ConversationState.ABANDONED) {
            throw new CommandRefusedException(RejectionCode.ILLEGAL_STATE,
                    "The survey can only be submitted once the chat has ended.");
        }
        // An abandoned chat closes at once: whether an agent ever joined tells it from a chat that was served.
        if (timeline.participations().stream().noneMatch(p -> p.joinedAt() != null)) {
            throw new CommandRefusedException(RejectionCode.ILLEGAL_STATE,
                    "No agent took this chat: there is nothing to rate.");
        }
        if (alreadySubmitted) {
            throw new CommandRefusedException(RejectionCode.ILLEGAL_STATE,
                    "The survey for this chat was already submitted.");
        }
        if (timeline.conversation().erasedAt() != null) {
            throw new CommandRefusedException(RejectionCode.ILLEGAL_STATE,
                    "This chat's data was erased: there is nothing to rate.");
        }
        refuseIf(MessageRules.checkSurvey(command.rating(), command.comment()));
        Conversation conversation = timeline.conversation();
        String comment = blankToNull(command.comment());
        timeline.add(new Survey(conversation.id(), conversation.queueId(), command.rating(), comment,
                timeline.now()));
        timeline.emit(seq -> new ConversationEvent.SurveySubmitted(UUID.randomUUID().toString(), conversation.id(),
                seq, timeline.now(), conversation.queueId(), command.rating(), comment));
    }

    /**
     * Erases the customer's data on request (docs/privacy.md): only once no message can be written any more
     * ({@link CustomerErasure#ERASABLE}), else {@code ILLEGAL_STATE}. The conversation forgets the customer's name and
     * contact fields here; the persistence adapter erases the rest of the stored copy (message texts, CAD variables,
     * wrap-up notes, survey comment) in the same transaction; {@code CustomerDataErased} tells every other system.
     * Erasing again is allowed (it finds nothing left and says so again).
     */
    public void eraseCustomerData(ConversationTimeline timeline, ConversationCommand.EraseCustomerData command) {
        if (!CustomerErasure.erasable(timeline.state())) {
            throw new CommandRefusedException(RejectionCode.ILLEGAL_STATE,
                    "The customer's data can only be erased once the chat has ended.");
        }
        Conversation conversation = timeline.conversation();
        conversation.eraseCustomer(timeline.now());
        timeline.emit(seq -> new ConversationEvent.CustomerDataErased(UUID.randomUUID().toString(),
                conversation.id(), seq, timeline.now(), command.erasureId()));
    }

    /**
     * A read receipt: the customer, or an agent who joined the chat, has seen it up to {@code upToSeq}.
     * {@code storedSeq} is the reader's stored read position (0 when none). A receipt beyond the conversation's last
     * seq is refused ({@code INVALID_COMMAND}); one at or below the stored position changes nothing and emits nothing
     * (a resend, or an older tab): positions only move forward. Otherwise the new position is stored and a
     * {@code MessagesRead} event emitted; that event is not a message, so it is never itself read.
     */
    public void markRead(ConversationTimeline timeline, ConversationCommand.MarkRead command, long storedSeq) {
        if (command.readerType() != SenderType.CUSTOMER && command.readerType() != SenderType.AGENT) {
            throw invalid("A read receipt comes from the customer or an agent.");
        }
        String agentId = null;
        if (command.readerType() == SenderType.AGENT) {
            String id = requireAgentId(command.agentId());
            boolean joined = timeline.participations().stream()
                    .anyMatch(p -> id.equals(p.agentId()) && p.joinedAt() != null);
            if (!joined) {
                throw notAParticipant(id);
            }
            agentId = id;
        }
        long lastSeq = timeline.conversation().lastSeq();
        if (command.upToSeq() < 1 || command.upToSeq() > lastSeq) {
            throw invalid("There is no seq " + command.upToSeq() + " in this conversation (its last seq is "
                    + lastSeq + ").");
        }
        if (command.upToSeq() <= storedSeq) {
            return;
        }
        Conversation conversation = timeline.conversation();
        timeline.add(new ReadPosition(conversation.id(), command.readerType(), agentId, command.upToSeq(),
                timeline.now()));
        String reader = agentId;
        timeline.emit(seq -> new ConversationEvent.MessagesRead(UUID.randomUUID().toString(), conversation.id(), seq,
                timeline.now(), command.readerType(), reader, command.upToSeq()));
    }

    /** Hands the chat to a queue or to one agent; the transferring agent leaves at once and wraps up. */
    public void requestTransfer(ConversationTimeline timeline, ConversationCommand.RequestTransfer command) {
        Participation agent = requireInConversation(timeline, command.agentId());
        requireConnected(timeline, "transferred");
        if (agent.state() != ParticipantState.ACTIVE) {
            throw new CommandRefusedException(RejectionCode.ILLEGAL_STATE,
                    "A chat cannot be transferred during a conference or a pending conference invitation.");
        }
        if (command.targetType() == null || isBlank(command.targetId())) {
            throw invalid("A transfer names a queue or an agent.");
        }
        Conversation conversation = timeline.conversation();
        String targetName = isBlank(command.targetName()) ? command.targetId() : command.targetName();
        dropBargedInSupervisors(timeline, "the chat was transferred");
        switch (command.targetType()) {
            case QUEUE -> {
                timeline.moveParticipant(agent, ParticipantState.WRAP_UP, "transferred to queue " + targetName);
                conversation.changeQueue(command.targetId(), targetName);
                timeline.moveTo(ConversationState.QUEUED, "transferred to queue " + targetName);
                timeline.system(Audience.CUSTOMER, SystemMessages.transferToQueue(targetName));
                timeline.emit(seq -> queued(conversation, seq, timeline.now(), QueueReason.TRANSFER));
            }
            case AGENT -> {
                if (command.targetId().equals(agent.agentId())) {
                    throw invalid("An agent cannot transfer a chat to themselves.");
                }
                timeline.moveParticipant(agent, ParticipantState.WRAP_UP, "transferred to agent " + targetName);
                timeline.moveTo(ConversationState.OFFERED, "transfer to agent " + targetName + " requested");
                timeline.system(Audience.CUSTOMER, SystemMessages.TRANSFER_TO_AGENT);
                timeline.emit(seq -> offerRequested(conversation, seq, timeline.now(), OfferKind.TRANSFER,
                        command.targetId(), agent.agentId()));
            }
        }
    }

    /** Invites another agent; routing offers the chat to them. */
    public void requestConference(ConversationTimeline timeline, ConversationCommand.RequestConference command) {
        Participation inviter = requireInConversation(timeline, command.agentId());
        requireConnected(timeline, "extended to a conference");
        if (isBlank(command.inviteeId())) {
            throw invalid("A conference invitation names the agent to invite.");
        }
        if (timeline.inConversation(command.inviteeId()).isPresent()) {
            throw invalid("Agent " + command.inviteeId() + " is already in the chat.");
        }
        if (!timeline.inState(ParticipantState.CONFERENCE_REQUESTED).isEmpty()
                || timeline.hasPendingOffer(OfferKind.CONFERENCE)) {
            throw new CommandRefusedException(RejectionCode.ILLEGAL_STATE,
                    "A conference invitation is already pending for this chat.");
        }
        if (timeline.holdersInConversation().size() >= maxConferenceAgents) {
            throw new CommandRefusedException(RejectionCode.CONFERENCE_FULL,
                    "A conference holds at most " + maxConferenceAgents + " agents.");
        }
        String inviteeName = isBlank(command.inviteeName()) ? command.inviteeId() : command.inviteeName();
        timeline.moveParticipant(inviter, ParticipantState.CONFERENCE_REQUESTED, "invited " + inviteeName);
        Conversation conversation = timeline.conversation();
        timeline.emit(seq -> offerRequested(conversation, seq, timeline.now(), OfferKind.CONFERENCE,
                command.inviteeId(), inviter.agentId()));
    }

    static ConversationEvent.ConversationQueued queued(Conversation conversation, long seq, Instant now,
            QueueReason reason) {
        return new ConversationEvent.ConversationQueued(UUID.randomUUID().toString(), conversation.id(), seq, now,
                conversation.queueId(), conversation.queueName(), conversation.customerName(),
                conversation.proactive(), conversation.waitingSince(), reason,
                conversation.leftMessage() ? Boolean.TRUE : null);
    }

    private static ConversationEvent.AgentOfferRequested offerRequested(Conversation conversation, long seq,
            Instant now, OfferKind kind, String agentId, String requestedBy) {
        return new ConversationEvent.AgentOfferRequested(UUID.randomUUID().toString(), conversation.id(), seq, now,
                kind, agentId, requestedBy, conversation.queueId(), conversation.queueName(),
                conversation.customerName(), conversation.proactive(), conversation.waitingSince());
    }

    /** The agent is in the chat and the chat is CONNECTED: the only time an agent may write. */
    private static Participation agentWhoMaySend(ConversationTimeline timeline, String agentId) {
        Participation agent = requireInConversation(timeline, agentId);
        ConversationState state = timeline.state();
        if (state != ConversationState.CONNECTED) {
            throw new CommandRefusedException(RejectionCode.ILLEGAL_STATE, state == ConversationState.INTERRUPTED
                    ? "The conversation was interrupted: no more messages can be sent. End it and submit a wrap-up."
                    : "The conversation is " + state + ": agents can no longer send messages.");
        }
        return agent;
    }

    private static Participation requireInConversation(ConversationTimeline timeline, String agentId) {
        String id = requireAgentId(agentId);
        return timeline.inConversation(id).orElseThrow(() -> notAParticipant(id));
    }

    private static void requireConnected(ConversationTimeline timeline, String what) {
        if (timeline.state() != ConversationState.CONNECTED) {
            throw new CommandRefusedException(RejectionCode.ILLEGAL_STATE,
                    "The chat can only be " + what + " while connected; it is " + timeline.state() + ".");
        }
    }

    private static void requireLive(ConversationTimeline timeline, String what) {
        if (timeline.state() != ConversationState.CONNECTED) {
            throw new CommandRefusedException(RejectionCode.ILLEGAL_STATE,
                    "Only a live chat can be " + what + " by a supervisor; this one is " + timeline.state() + ".");
        }
    }

    private static String requireSupervisorId(String supervisorId) {
        if (isBlank(supervisorId)) {
            throw invalid("The command does not say which supervisor issued it.");
        }
        return supervisorId;
    }

    private static String requireAgentId(String agentId) {
        if (isBlank(agentId)) {
            throw invalid("The command does not say which agent issued it.");
        }
        return agentId;
    }

    private static CommandRefusedException notAParticipant(String agentId) {
        return new CommandRefusedException(RejectionCode.NOT_A_PARTICIPANT,
                "Agent " + agentId + " is not in this conversation.");
    }

    private static void refuseIf(java.util.Optional<MessageRules.Violation> violation) {
        violation.ifPresent(v -> {
            throw new CommandRefusedException(v.code(), v.reason());
        });
    }

    private static CommandRefusedException invalid(String reason) {
        return new CommandRefusedException(RejectionCode.INVALID_COMMAND, reason);
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    static String blankToNull(String value) {
        return isBlank(value) ? null : value;
    }
}
