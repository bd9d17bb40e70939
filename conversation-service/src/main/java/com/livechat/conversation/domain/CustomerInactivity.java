package com.livechat.conversation.domain;

import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.ParticipantState;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Customer inactivity: while a chat is CONNECTED, a customer silent for the queue's warning time is asked whether
 * they are still there ({@code CustomerInactivityWarned}); still silent after the grace period, the chat ends as
 * {@code INACTIVE}: agents are told (as for a customer end) and go to wrap-up, the conversation is ENDED.
 *
 * <p>The timer is two absolute deadlines on the conversation ({@code warnAt}, {@code endAt = warnAt + grace}), set
 * when an agent joins and moved by each customer message, never by an agent's; the persistence adapter stores them,
 * a periodic scan hands due conversations to {@link #check}. Because the deadlines and the "warned" mark are in the
 * database and the end is a state change (CONNECTED is left once), a restart neither loses the end nor repeats it.
 * The queue's settings come with each {@code ChatOffered} (null: this service's defaults).
 */
public final class CustomerInactivity {

    private final Duration defaultWarning;
    private final Duration defaultGrace;

    public CustomerInactivity(Duration defaultWarning, Duration defaultGrace) {
        this.defaultWarning = defaultWarning;
        this.defaultGrace = defaultGrace;
    }

    /** Remembers the queue's settings from an offer, for when the chat is assigned. */
    public void offered(ConversationTimeline timeline, Integer warningSeconds, Integer graceSeconds) {
        timeline.conversation().inactivitySettings(warningSeconds, graceSeconds);
    }

    /**
     * After an assignment or anything else that may connect the chat: the timer (re)starts from now while the chat
     * is CONNECTED, and stops otherwise.
     */
    public void restart(ConversationTimeline timeline) {
        Conversation conversation = timeline.conversation();
        if (conversation.state() != ConversationState.CONNECTED) {
            conversation.inactivityDeadlines(null, null, false);
            return;
        }
        Instant warnAt = timeline.now().plus(warning(conversation));
        conversation.inactivityDeadlines(warnAt, warnAt.plus(grace(conversation)), false);
    }

    /** The customer wrote: the silence starts again (only a running timer moves). */
    public void customerWrote(ConversationTimeline timeline) {
        if (timeline.conversation().inactivityWarnAt() != null) {
            restart(timeline);
        }
    }

    /**
     * Decides what is due at the timeline's instant: the end (which wins when both are due), the warning, or
     * nothing. A conversation that is no longer CONNECTED only loses its timer.
     */
    public void check(ConversationTimeline timeline) {
        Conversation conversation = timeline.conversation();
        Instant now = timeline.now();
        if (conversation.state() != ConversationState.CONNECTED || conversation.inactivityWarnAt() == null) {
            conversation.inactivityDeadlines(null, null, false);
            return;
        }
        if (!now.isBefore(conversation.inactivityEndAt())) {
            end(timeline);
        } else if (!now.isBefore(conversation.inactivityWarnAt()) && !conversation.inactivityWarned()) {
            Instant endsAt = conversation.inactivityEndAt();
            conversation.inactivityDeadlines(conversation.inactivityWarnAt(), endsAt, true);
            timeline.emit(seq -> new ConversationEvent.CustomerInactivityWarned(UUID.randomUUID().toString(),
                    conversation.id(), seq, now, endsAt));
        }
    }

    private static void end(ConversationTimeline timeline) {
        timeline.conversation().inactivityDeadlines(null, null, false);
        timeline.moveTo(ConversationState.INACTIVE, "the customer did not reply");
        timeline.system(Audience.AGENTS, SystemMessages.CUSTOMER_INACTIVE);
        for (Participation agent : timeline.agentsInConversation()) {
            timeline.moveParticipant(agent, ParticipantState.WRAP_UP, "the customer was inactive");
        }
        timeline.moveTo(ConversationState.ENDED, "the customer was inactive");
        timeline.closeIfSettled();
    }

    private Duration warning(Conversation conversation) {
        Integer seconds = conversation.inactivityWarningSeconds();
        return seconds == null ? defaultWarning : Duration.ofSeconds(seconds);
    }

    private Duration grace(Conversation conversation) {
        Integer seconds = conversation.inactivityGraceSeconds();
        return seconds == null ? defaultGrace : Duration.ofSeconds(seconds);
    }
}
