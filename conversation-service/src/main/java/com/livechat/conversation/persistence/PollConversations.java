package com.livechat.conversation.persistence;

import com.livechat.conversation.domain.ChatMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The conversations of one poll of commands, locked and read with two statements at the poll's start
 * ({@link ConversationStore#lockPoll}) and handed to each command from memory, and the messages its commands post,
 * inserted with one statement ({@link ConversationStore#flushPoll}) instead of one round trip each.
 *
 * <p>Invariant: the rows are the session's managed entities and the poll's transaction holds their locks from the
 * start, so nobody else changes them meanwhile. A command's decision is written back into them
 * ({@link LoadedConversation#writeBack}) and the rows it creates join them ({@link #track}), so the next command on
 * the same conversation starts from what the previous one decided, exactly as if it had read it again. The session
 * is therefore never cleared while a poll runs.
 */
public final class PollConversations {

    private final Map<String, ConversationRow> conversations = new HashMap<>();
    private final Map<String, List<ParticipationRow>> participations = new HashMap<>();
    private final List<ChatMessage> stagedMessages = new ArrayList<>();

    PollConversations(List<ConversationRow> rows, List<ParticipationRow> participationRows) {
        rows.forEach(row -> conversations.put(row.id(), row));
        // Read in id order: each conversation's list keeps that order, the order its core expects.
        participationRows.forEach(this::trackParticipation);
    }

    /** Whether the conversation existed at the poll's start or was begun by one of its commands. */
    public boolean exists(String conversationId) {
        return conversations.containsKey(conversationId);
    }

    /** The conversation as the poll's previous commands left it, with its participations; null when there is none. */
    public LoadedConversation load(String conversationId, Instant now) {
        ConversationRow row = conversations.get(conversationId);
        return row == null ? null
                : ConversationStore.loaded(row, participations.getOrDefault(conversationId, List.of()), now);
    }

    /** A row a command persisted: a begun conversation or a new participation joins the poll's. */
    void track(Object row) {
        if (row instanceof ConversationRow conversation) {
            conversations.put(conversation.id(), conversation);
        } else if (row instanceof ParticipationRow participation) {
            trackParticipation(participation);
        }
    }

    private void trackParticipation(ParticipationRow row) {
        participations.computeIfAbsent(row.conversationId(), id -> new ArrayList<>()).add(row);
    }

    /** A message to insert with the others at the next {@link ConversationStore#flushPoll}. */
    void stage(ChatMessage message) {
        stagedMessages.add(message);
    }

    /** The staged messages, in the order posted; the poll forgets them. */
    List<ChatMessage> takeStagedMessages() {
        List<ChatMessage> taken = List.copyOf(stagedMessages);
        stagedMessages.clear();
        return taken;
    }
}
