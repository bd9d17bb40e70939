package com.livechat.conversation.messaging;

import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.SenderType;
import com.livechat.contracts.events.Topics;
import com.livechat.conversation.domain.ChatMessage;
import com.livechat.conversation.persistence.ConversationStore;
import com.livechat.conversation.persistence.LoadedConversation;
import com.livechat.conversation.persistence.PollConversations;
import com.livechat.conversation.persistence.StoredMessageKey;
import com.livechat.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the records of one poll, executed in one transaction, share (conversation commands, or routing events), so
 * that a poll costs a few statements more than one record rather than a few statements per record: its
 * conversations, locked and read with their participations at the start ({@link PollConversations}); which of its
 * messages were stored already (resends), read with one statement at the start; its messages, inserted with one
 * statement; and the events its records decide, appended to the outbox with one statement at the end, in the order
 * decided.
 *
 * <p>Invariant: the poll holds the locks of its conversations from the start ({@link ConversationStore#lockPoll}), so
 * no one else stores a message in them meanwhile; the messages its own commands store are added as they are saved,
 * so a resend later in the same poll is recognised too. Should a resend slip through anyway, the unique index of
 * {@code chat_message} fails the poll, which is then executed command by command.
 *
 * <p>Pending writes ({@link #flush}): a plain message ({@link #isPlainMessage}) leaves its conversation's update and
 * its message pending; every other command finds them written before it runs (it may read or change those tables by
 * SQL, an erasure for one) and leaves nothing pending after it; the poll's end writes the rest before the events.
 * A routing event's reaction leaves its writes pending like a message ({@link #stageEvents} before any reaction that
 * writes on its own).
 */
final class PollTransaction {

    private final ConversationStore store;
    private final PollConversations conversations;
    private final Set<StoredMessageKey> storedMessages;
    private final List<Outbox.Entry> events = new ArrayList<>();

    private PollTransaction(ConversationStore store, PollConversations conversations,
            Set<StoredMessageKey> storedMessages) {
        this.store = store;
        this.conversations = conversations;
        this.storedMessages = new HashSet<>(storedMessages);
    }

    /** Locks and reads the conversations of {@code commands}, then which of the messages they post are stored. */
    static Uni<PollTransaction> start(Mutiny.Session session, ConversationStore store,
            List<ConversationCommand> commands) {
        List<StoredMessageKey> keys = commands.stream().map(PollTransaction::postedMessage)
                .filter(key -> key != null).toList();
        return store.lockPoll(session, commands.stream().map(ConversationCommand::conversationId).toList())
                .chain(conversations -> store.storedMessages(session, keys)
                        .map(stored -> new PollTransaction(store, conversations, stored)));
    }

    /** Locks and reads the conversations routing events of one poll are about; no message of theirs to look up. */
    static Uni<PollTransaction> forConversations(Mutiny.Session session, ConversationStore store,
            List<String> conversationIds) {
        return store.lockPoll(session, conversationIds)
                .map(conversations -> new PollTransaction(store, conversations, Set.of()));
    }

    /** The poll's conversations, as its previous commands left them. */
    PollConversations conversations() {
        return conversations;
    }

    /** A message posted, which changes nothing but its conversation's row and adds the message: left pending. */
    static boolean isPlainMessage(ConversationCommand command) {
        return command instanceof ConversationCommand.PostMessage;
    }

    /** Writes what the poll's commands left pending ({@link ConversationStore#flushPoll}). */
    Uni<Void> flush(Mutiny.Session session) {
        return store.flushPoll(session, conversations);
    }

    /** The message {@code command} posts, for resend detection; null when it posts none with a client id. */
    private static StoredMessageKey postedMessage(ConversationCommand command) {
        if (command instanceof ConversationCommand.PostMessage post && post.clientMessageId() != null) {
            String senderId = post.senderType() == SenderType.AGENT ? post.agentId() : null;
            return new StoredMessageKey(post.conversationId(), post.senderType(), senderId, post.clientMessageId());
        }
        if (command instanceof ConversationCommand.SendTemplate send && send.clientMessageId() != null) {
            return new StoredMessageKey(send.conversationId(), SenderType.AGENT, send.agentId(),
                    send.clientMessageId());
        }
        return null;
    }

    /** Whether this sender already posted this client message id, before or earlier in this poll. */
    boolean alreadyStored(String conversationId, SenderType senderType, String senderId, String clientMessageId) {
        return clientMessageId != null
                && storedMessages.contains(new StoredMessageKey(conversationId, senderType, senderId, clientMessageId));
    }

    /** A command's decision was staged ({@link ConversationStore#stage}): its messages and events join the poll. */
    void saved(LoadedConversation loaded, String traceparent) {
        for (Object created : loaded.timeline().created()) {
            if (created instanceof ChatMessage message) {
                storedMessages.add(StoredMessageKey.of(message));
            }
        }
        loaded.timeline().events().forEach(event -> publish(event, traceparent));
    }

    /** An event to append with the others (a refusal, for instance), continuing the trace {@code traceparent}. */
    void publish(ConversationEvent event, String traceparent) {
        events.add(new Outbox.Entry(Topics.CONVERSATION_EVENTS, event, traceparent));
    }

    /** The poll's pending writes, then its events into the outbox of the caller's transaction, in the order decided. */
    Uni<Void> finish(Mutiny.Session session) {
        return stageEvents(session);
    }

    /**
     * Everything decided so far written, its events in the outbox: for a unit of work that writes rows and events
     * on its own next (they then follow these in the outbox, as they were decided).
     */
    Uni<Void> stageEvents(Mutiny.Session session) {
        List<Outbox.Entry> decided = List.copyOf(events);
        events.clear();
        return flush(session).chain(() -> decided.isEmpty() ? Uni.createFrom().voidItem()
                : Outbox.appendAll(session, decided));
    }
}
