package com.livechat.conversation.messaging;

import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.SenderType;
import com.livechat.contracts.events.Topics;
import com.livechat.conversation.domain.ChatMessage;
import com.livechat.conversation.persistence.ConversationStore;
import com.livechat.conversation.persistence.LoadedConversation;
import com.livechat.conversation.persistence.StoredMessageKey;
import com.livechat.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the commands of one transaction share, so that a poll costs a few statements more than one command rather
 * than a few statements per command: which of its messages were stored already (resends), read with one statement at
 * the start, and the events its commands decide, appended to the outbox with one statement at the end, in the order
 * decided.
 *
 * <p>Invariant: the poll holds the locks of its conversations from the start ({@link ConversationStore#lockAll}), so
 * no one else stores a message in them meanwhile; the messages its own commands store are added as they are saved,
 * so a resend later in the same poll is recognised too. Should a resend slip through anyway, the unique index of
 * {@code chat_message} fails the poll, which is then executed command by command.
 */
final class CommandPoll {

    private final Set<StoredMessageKey> storedMessages;
    private final List<Outbox.Entry> events = new ArrayList<>();

    private CommandPoll(Set<StoredMessageKey> storedMessages) {
        this.storedMessages = new HashSet<>(storedMessages);
    }

    /** Reads which of the messages {@code commands} post are stored already; call it with the locks taken. */
    static Uni<CommandPoll> start(Mutiny.Session session, ConversationStore store,
            List<ConversationCommand> commands) {
        List<StoredMessageKey> keys = commands.stream().map(CommandPoll::postedMessage)
                .filter(key -> key != null).toList();
        return store.storedMessages(session, keys).map(CommandPoll::new);
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

    /** A command's decision was saved ({@link ConversationStore#saveRows}): its messages and events join the poll. */
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

    /** The poll's events into the outbox of the caller's transaction, in the order decided. */
    Uni<Void> appendEvents(Mutiny.Session session) {
        return events.isEmpty() ? Uni.createFrom().voidItem() : Outbox.appendAll(session, events);
    }
}
