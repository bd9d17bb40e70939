package com.livechat.conversation.persistence;

import com.livechat.conversation.domain.ConversationTimeline;
import com.livechat.conversation.domain.Participation;

import java.util.Map;

/**
 * One unit of work as {@link ConversationStore} loaded it: the core's {@link ConversationTimeline} and the rows it was
 * made from, which take back what the core decided when the unit is saved.
 */
public final class LoadedConversation {

    private final ConversationTimeline timeline;
    private final ConversationRow conversationRow;
    private final Map<Participation, ParticipationRow> participationRows;

    private LoadedConversation(ConversationTimeline timeline, ConversationRow conversationRow,
            Map<Participation, ParticipationRow> participationRows) {
        this.timeline = timeline;
        this.conversationRow = conversationRow;
        this.participationRows = participationRows;
    }

    /** A conversation begun by this unit of work: nothing was loaded, everything is in its created values. */
    public static LoadedConversation begun(ConversationTimeline timeline) {
        if (!timeline.isNew()) {
            throw new IllegalArgumentException("Conversation " + timeline.conversation().id() + " was loaded, not begun");
        }
        return new LoadedConversation(timeline, null, Map.of());
    }

    static LoadedConversation of(ConversationTimeline timeline, ConversationRow conversationRow,
            Map<Participation, ParticipationRow> participationRows) {
        return new LoadedConversation(timeline, conversationRow, participationRows);
    }

    public ConversationTimeline timeline() {
        return timeline;
    }

    /** The loaded rows take the values of their objects (the session writes them at the next flush). */
    void writeBack() {
        if (conversationRow != null) {
            conversationRow.copy(timeline.conversation());
        }
        participationRows.forEach((participation, row) -> row.copy(participation));
    }
}
