package com.livechat.conversation.domain;

import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.SenderType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongFunction;

/**
 * One unit of work on one conversation: the conversation and its participations as loaded (locked) from the
 * database, plus what the current command or event changes. Every change goes through here so that each one is
 * checked against the state machines and gets its event with the next {@code seq}. Nothing here does I/O: the
 * persistence adapter writes back the loaded objects, stores {@link #created()} and writes {@link #events()} to the
 * outbox in the same transaction.
 */
public final class ConversationTimeline {

    private final Conversation conversation;
    private final List<Participation> participations;
    private final Instant now;
    private final List<Object> created = new ArrayList<>();
    private final List<ConversationEvent> events = new ArrayList<>();

    public ConversationTimeline(Conversation conversation, List<Participation> participations, Instant now) {
        this.conversation = conversation;
        this.participations = new ArrayList<>(participations);
        this.now = now;
    }

    /** A timeline for a conversation created by this unit of work (stored first, before what belongs to it). */
    public static ConversationTimeline begin(Conversation conversation, Instant now) {
        ConversationTimeline timeline = new ConversationTimeline(conversation, List.of(), now);
        timeline.created.add(conversation);
        return timeline;
    }

    public Conversation conversation() {
        return conversation;
    }

    public ConversationState state() {
        return conversation.state();
    }

    public Instant now() {
        return now;
    }

    /**
     * What this unit of work created, in the order it must be stored: the {@link Conversation} (only when
     * {@link #begin begun} here), then {@link Participation}s, {@link ChatMessage}s, {@link CadVariable}s,
     * {@link WrapUp}s, {@link Survey}s and {@link ReadPosition}s as they were made.
     */
    public List<Object> created() {
        return Collections.unmodifiableList(created);
    }

    /** Whether the conversation was created by this unit of work rather than loaded. */
    public boolean isNew() {
        return !created.isEmpty() && created.get(0) == conversation;
    }

    /** Events of this unit of work, in seq order. */
    public List<ConversationEvent> events() {
        return Collections.unmodifiableList(events);
    }

    public List<Participation> participations() {
        return Collections.unmodifiableList(participations);
    }

    // ---- changes ------------------------------------------------------------------------------------------------

    public void moveTo(ConversationState target, String reason) {
        ConversationState from = conversation.state();
        conversation.moveTo(target, now);
        emit(seq -> new ConversationEvent.ConversationStateChanged(newEventId(), conversation.id(), seq, now, from,
                target, reason));
    }

    /**
     * Moves a participation on. A supervisor's participation records no wrap-up: when it reaches WRAP_UP it is DONE
     * at once (both steps are published, so every reader sees the usual path).
     */
    public void moveParticipant(Participation participation, ParticipantState target, String reason) {
        ParticipantState from = participation.state();
        participation.moveTo(target, now);
        emit(seq -> new ConversationEvent.ParticipantStateChanged(newEventId(), conversation.id(), seq, now,
                participation.agentId(), participation.agentName(), from, target, reason));
        if (participation.isSupervisor() && target == ParticipantState.WRAP_UP) {
            moveParticipant(participation, ParticipantState.DONE, "a supervisor records no wrap-up");
        }
    }

    /** A supervisor joins without an offer (barge-in or take-over); {@code from} is null on the event. */
    public Participation supervisorJoins(String supervisorId, String supervisorName, OfferKind kind,
            ParticipantState state, String reason) {
        Participation participation = Participation.supervisorJoin(conversation.id(), supervisorId, supervisorName,
                kind, state, now);
        participations.add(participation);
        created.add(participation);
        emit(seq -> new ConversationEvent.ParticipantStateChanged(newEventId(), conversation.id(), seq, now,
                supervisorId, supervisorName, null, state, reason));
        return participation;
    }

    /** A new participation, OFFERED to an agent. */
    public Participation offer(String offerId, String agentId, String agentName, OfferKind kind, String invitedBy) {
        Participation participation = new Participation(conversation.id(), offerId, agentId, agentName, kind,
                invitedBy, now);
        participations.add(participation);
        created.add(participation);
        emit(seq -> new ConversationEvent.ParticipantStateChanged(newEventId(), conversation.id(), seq, now, agentId,
                agentName, null, ParticipantState.OFFERED, kind + " offer"));
        return participation;
    }

    /** Adds a message to the transcript. */
    public ChatMessage post(String messageId, SenderType senderType, String senderId, String senderName,
            Audience audience, String text) {
        long seq = conversation.nextSeq();
        ChatMessage message = new ChatMessage(conversation.id(), seq, messageId, senderType, senderId, senderName,
                audience, text, now);
        created.add(message);
        events.add(new ConversationEvent.MessagePosted(newEventId(), conversation.id(), seq, now, messageId,
                senderType, senderId, senderName, audience, text));
        return message;
    }

    public void system(Audience audience, String text) {
        post("system-" + UUID.randomUUID(), SenderType.SYSTEM, null, SystemMessages.SENDER_NAME, audience, text);
    }

    public void add(CadVariable variable) {
        created.add(variable);
    }

    public void add(WrapUp wrapUp) {
        created.add(wrapUp);
    }

    public void add(Survey survey) {
        created.add(survey);
    }

    /** A read position to store (inserted, or replacing the reader's previous one). */
    public void add(ReadPosition position) {
        created.add(position);
    }

    /** Appends an event built with the next seq. */
    public void emit(LongFunction<ConversationEvent> event) {
        events.add(event.apply(conversation.nextSeq()));
    }

    /** ENDED or ABANDONED with every participation DONE or WITHDRAWN: nobody owes a wrap-up, the record is closed. */
    public void closeIfSettled() {
        boolean ended = state() == ConversationState.ENDED || state() == ConversationState.ABANDONED;
        if (ended && participations.stream().allMatch(Participation::isSettled)) {
            moveTo(ConversationState.CLOSED, "every agent has wrapped up");
        }
    }

    // ---- queries ------------------------------------------------------------------------------------------------

    public List<Participation> agentsInConversation() {
        return participations.stream().filter(Participation::isInConversation).toList();
    }

    /**
     * Those in the chat who hold it: every agent, and a supervisor who took it over; not a supervisor who only
     * barged in (they never keep a chat alive on their own).
     */
    public List<Participation> holdersInConversation() {
        return participations.stream().filter(Participation::isInConversation)
                .filter(p -> !p.isSupervisor() || p.state() == ParticipantState.ACTIVE).toList();
    }

    public Optional<Participation> inConversation(String agentId) {
        return participations.stream()
                .filter(p -> p.isInConversation() && p.agentId().equals(agentId))
                .findFirst();
    }

    public Optional<Participation> withState(String agentId, ParticipantState state) {
        return participations.stream()
                .filter(p -> p.state() == state && p.agentId().equals(agentId))
                .findFirst();
    }

    public Optional<Participation> byOffer(String offerId) {
        return participations.stream().filter(p -> offerId != null && offerId.equals(p.offerId())).findFirst();
    }

    public List<Participation> inState(ParticipantState state) {
        return participations.stream().filter(p -> p.state() == state).toList();
    }

    /** An offer still open for this conversation, of one of {@code kinds}. */
    public boolean hasPendingOffer(OfferKind... kinds) {
        return participations.stream().anyMatch(p -> p.state() == ParticipantState.OFFERED
                && List.of(kinds).contains(p.kind()));
    }

    private static String newEventId() {
        return UUID.randomUUID().toString();
    }
}
