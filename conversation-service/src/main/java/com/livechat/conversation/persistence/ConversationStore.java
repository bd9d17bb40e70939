package com.livechat.conversation.persistence;

import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.SenderType;
import com.livechat.contracts.events.Topics;
import com.livechat.conversation.domain.CadVariable;
import com.livechat.conversation.domain.ChatMessage;
import com.livechat.conversation.domain.Conversation;
import com.livechat.conversation.domain.ConversationTimeline;
import com.livechat.conversation.domain.CustomerErasure;
import com.livechat.conversation.domain.Participation;
import com.livechat.conversation.domain.ReadPosition;
import com.livechat.conversation.domain.Survey;
import com.livechat.conversation.domain.WrapUp;
import com.livechat.platform.outbox.Outbox;
import com.livechat.platform.persistence.NativeSelects;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Loads and saves conversations inside the caller's transaction. Every writer locks the conversation row first
 * ({@code select ... for update}), so changes to one conversation are serialised across consumers and instances and
 * its {@code seq} never forks.
 */
@ApplicationScoped
public class ConversationStore {

    /** The conversation, locked, with its participations; null when there is no such conversation. */
    public Uni<LoadedConversation> lock(Mutiny.Session session, String conversationId, Instant now) {
        return session.find(ConversationRow.class, conversationId, LockMode.PESSIMISTIC_WRITE)
                .chain(row -> row == null ? Uni.createFrom().nullItem() : load(session, row, now));
    }

    /** Conversations on {@code queueId} that an interruption can still reach, locked in id order. */
    public Uni<List<LoadedConversation>> lockInterruptible(Mutiny.Session session, String queueId, Instant now) {
        return session.createSelectionQuery(
                        "from Conversation where queueId = :queueId and state in :states order by id",
                        ConversationRow.class)
                .setParameter("queueId", queueId)
                .setParameter("states", List.of(ConversationState.QUEUED, ConversationState.OFFERED,
                        ConversationState.CONNECTED))
                .setLockMode(LockMode.PESSIMISTIC_WRITE)
                .getResultList()
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(List.<LoadedConversation>of())
                        : Multi.createFrom().iterable(rows)
                                .onItem().transformToUniAndConcatenate(row -> load(session, row, now))
                                .collect().asList());
    }

    /**
     * Ids of CONNECTED conversations whose inactivity warning or end is due by {@code now} (at most {@code limit},
     * earliest first); read without a lock: the caller locks each one and the core checks again.
     */
    public Uni<List<String>> inactivityDue(Mutiny.Session session, Instant now, int limit) {
        return session.createSelectionQuery("select id from Conversation where state = :connected "
                                + "and ((inactivityWarned = false and inactivityWarnAt <= :now) or inactivityEndAt <= :now) "
                                + "order by inactivityWarnAt, id", String.class)
                .setParameter("connected", ConversationState.CONNECTED)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    private Uni<LoadedConversation> load(Mutiny.Session session, ConversationRow row, Instant now) {
        return participationRows(session, row.id()).map(rows -> loaded(row, rows, now));
    }

    /** The unit of work made of a conversation's rows: its core's timeline, and the rows that take its decision. */
    static LoadedConversation loaded(ConversationRow row, List<ParticipationRow> rows, Instant now) {
        List<Participation> participations = new ArrayList<>();
        Map<Participation, ParticipationRow> rowOf = new IdentityHashMap<>();
        for (ParticipationRow participationRow : rows) {
            Participation participation = participationRow.toParticipation();
            participations.add(participation);
            rowOf.put(participation, participationRow);
        }
        return LoadedConversation.of(new ConversationTimeline(row.toConversation(), participations, now), row, rowOf);
    }

    /**
     * Locks the existing conversations among {@code conversationIds} in id order (ids of conversations that do not
     * exist yet are ignored) and reads them with their participations: two statements for a whole poll, whose records
     * then take their conversations from the returned {@link PollConversations} instead of reading each one again. A
     * unit of work that changes several conversations takes all their locks at its start and in the same order as
     * every other such unit ({@link #lockInterruptible} too), so two of them never wait for each other.
     */
    public Uni<PollConversations> lockPoll(Mutiny.Session session, Collection<String> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Uni.createFrom().item(new PollConversations(List.of(), List.of()));
        }
        List<String> ids = padded(List.copyOf(new java.util.TreeSet<>(conversationIds)));
        Mutiny.SelectionQuery<ConversationRow> conversations = session.createNativeQuery(
                "select * from conversation where id in (:ids) order by id for update", ConversationRow.class);
        Mutiny.SelectionQuery<ParticipationRow> participations = session.createNativeQuery(
                "select * from participation where conversation_id in (:ids) order by id", ParticipationRow.class);
        return NativeSelects.bindList(conversations, "ids", ids).getResultList()
                .chain(rows -> NativeSelects.bindList(participations, "ids", ids).getResultList()
                        .map(participationRows -> new PollConversations(rows, participationRows)));
    }

    /** The conversation as stored, or null. */
    public Uni<Conversation> find(Mutiny.Session session, String conversationId) {
        return session.find(ConversationRow.class, conversationId)
                .map(row -> row == null ? null : row.toConversation());
    }

    public Uni<List<Participation>> participations(Mutiny.Session session, String conversationId) {
        return participationRows(session, conversationId)
                .map(rows -> rows.stream().map(ParticipationRow::toParticipation).toList());
    }

    private static Uni<List<ParticipationRow>> participationRows(Mutiny.Session session, String conversationId) {
        // Native SQL: read for every command, and the HQL form was parsed again each time (docs/performance).
        return NativeSelects.bindOne(session.createNativeQuery(
                        "select * from participation where conversation_id = :id order by id", ParticipationRow.class),
                "id", conversationId).getResultList();
    }

    public Uni<Boolean> exists(Mutiny.Session session, String conversationId) {
        return session.find(ConversationRow.class, conversationId).map(row -> row != null);
    }

    /**
     * Those of {@code keys} already in {@code chat_message}: the resends among a poll's messages, found with one
     * statement for the whole poll instead of one per message.
     */
    public Uni<Set<StoredMessageKey>> storedMessages(Mutiny.Session session, Collection<StoredMessageKey> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<String> conversationIds = padded(keys.stream().map(StoredMessageKey::conversationId).distinct().toList());
        List<String> messageIds = padded(keys.stream().map(StoredMessageKey::messageId).distinct().toList());
        // Narrowed by both id lists (the unique index leads with conversation_id); the exact keys are picked in Java.
        String sql = "select conversation_id, sender_type, coalesce(sender_id, ''), message_id from chat_message "
                + "where conversation_id in (:c) and message_id in (:m)";
        Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery(sql);
        NativeSelects.bindList(query, "c", conversationIds);
        NativeSelects.bindList(query, "m", messageIds);
        return query.getResultList().map(rows -> {
            Set<StoredMessageKey> stored = new HashSet<>();
            for (Object[] row : rows) {
                StoredMessageKey key = new StoredMessageKey((String) row[0], SenderType.valueOf((String) row[1]),
                        (String) row[2], (String) row[3]);
                if (keys.contains(key)) {
                    stored.add(key);
                }
            }
            return stored;
        });
    }

    /**
     * {@code values} lengthened to the next power of two by repeating the last one, for an {@code in} list: a handful
     * of statement texts instead of one per length (per pair of lengths here), for PostgreSQL's prepared statements
     * and {@code pg_stat_statements}. (Hibernate's plan cache is not involved: list-bound selects stay out of it,
     * {@link NativeSelects}.)
     */
    private static List<String> padded(List<String> values) {
        int length = Integer.highestOneBit(Math.max(1, values.size() - 1)) << 1;
        List<String> padded = new ArrayList<>(values);
        while (padded.size() < length) {
            padded.add(values.get(values.size() - 1));
        }
        return padded;
    }

    /** Whether the customer already submitted the survey of this conversation. */
    public Uni<Boolean> surveyExists(Mutiny.Session session, String conversationId) {
        return session.find(SurveyRow.class, conversationId).map(row -> row != null);
    }

    /** How far this reader has read the conversation: their stored seq, 0 when they have sent no receipt. */
    public Uni<Long> readSeq(Mutiny.Session session, String conversationId, SenderType readerType, String agentId) {
        return session.find(ReadPositionRow.class, ReadPositionRow.key(conversationId, readerType, agentId))
                .map(row -> row == null ? 0L : row.toReadPosition().lastReadSeq());
    }

    /** Every participant's read position in this conversation. */
    public Uni<List<ReadPosition>> readPositions(Mutiny.Session session, String conversationId) {
        return session.createSelectionQuery("from ReadPosition where conversationId = :id order by readerKey",
                        ReadPositionRow.class)
                .setParameter("id", conversationId)
                .getResultList()
                .map(rows -> rows.stream().map(ReadPositionRow::toReadPosition).toList());
    }

    /** The survey of this conversation, or null. */
    public Uni<Survey> survey(Mutiny.Session session, String conversationId) {
        return session.find(SurveyRow.class, conversationId).map(row -> row == null ? null : row.toSurvey());
    }

    public Uni<Map<String, String>> cadVariables(Mutiny.Session session, String conversationId) {
        return session.createSelectionQuery("from CadVariable where conversationId = :id order by id",
                        CadVariableRow.class)
                .setParameter("id", conversationId)
                .getResultList()
                .map(variables -> {
                    Map<String, String> cad = new LinkedHashMap<>();
                    variables.forEach(variable -> cad.put(variable.name(), variable.value()));
                    return cad;
                });
    }

    /**
     * Writes back what the unit of work decided: the loaded rows take their objects' values, what it created is
     * inserted in creation order, and its events go to the outbox in seq order (one statement).
     */
    public Uni<Void> save(Mutiny.Session session, LoadedConversation loaded) {
        return saveRows(session, loaded).chain(() -> Outbox.appendAll(session, loaded.timeline().events().stream()
                .map(event -> new Outbox.Entry(Topics.CONVERSATION_EVENTS, event)).toList()));
    }

    /**
     * {@link #save} without the outbox: the rows written and flushed, the events left for the caller to append in
     * this transaction, after the rows (a poll appends the events of all its commands with one statement).
     */
    public Uni<Void> saveRows(Mutiny.Session session, LoadedConversation loaded) {
        // A unit of work of its own: a poll of one, written at once. Flushed before the outbox rows so that a
        // constraint violation fails the unit before anything is queued.
        PollConversations alone = new PollConversations(List.of(), List.of());
        return stage(session, loaded, alone).chain(() -> flushPoll(session, alone));
    }

    /**
     * {@link #saveRows} for a command of a poll: the loaded rows take its decision, the rows it creates are persisted
     * and join the poll's ({@link PollConversations#track}), but its messages are only staged, for the poll's one
     * insert ({@link #flushPoll}), and nothing is flushed unless CAD variables need their conversation inserted.
     */
    public Uni<Void> stage(Mutiny.Session session, LoadedConversation loaded, PollConversations poll) {
        loaded.writeBack();
        Uni<Void> chain = Uni.createFrom().voidItem();
        List<CadVariable> cad = new ArrayList<>();
        for (Object created : loaded.timeline().created()) {
            if (created instanceof CadVariable variable) {
                cad.add(variable);
            } else if (created instanceof ChatMessage message) {
                poll.stage(message);
            } else {
                Object row = rowOf(created);
                poll.track(row);
                chain = row instanceof ReadPositionRow ? chain.chain(() -> session.merge(row).replaceWithVoid())
                        : chain.chain(() -> session.persist(row));
            }
        }
        return cad.isEmpty() ? chain : chain.chain(session::flush).chain(() -> insertCad(session, cad));
    }

    /**
     * Writes what a poll's commands left pending: the session's changes (conversation rows, participations), then the
     * staged messages with one statement (after the rows: a message needs its conversation). Before a statement that
     * reads or changes those tables by SQL, and at the end of the poll before its events.
     */
    public Uni<Void> flushPoll(Mutiny.Session session, PollConversations poll) {
        return session.flush().chain(() -> insertMessages(session, poll.takeStagedMessages()));
    }

    /**
     * Messages in one statement. As entities they were one round trip each (an identity key is inserted at once,
     * never batched): with the conversation's lock and update, most of a message's cost.
     */
    private static Uni<Void> insertMessages(Mutiny.Session session, List<ChatMessage> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringJoiner rows = new StringJoiner(", ", "insert into chat_message (conversation_id, seq, message_id, "
                + "sender_type, sender_id, sender_name, audience, text, posted_at) values ", "");
        for (int i = 0; i < messages.size(); i++) {
            rows.add("(:c" + i + ", :q" + i + ", :m" + i + ", :t" + i + ", :s" + i + ", :n" + i + ", :a" + i + ", :x"
                    + i + ", :p" + i + ")");
        }
        var insert = session.createNativeQuery(rows.toString());
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            insert.setParameter("c" + i, message.conversationId()).setParameter("q" + i, message.seq())
                    .setParameter("m" + i, message.messageId()).setParameter("t" + i, message.senderType().name())
                    .setParameter("s" + i, message.senderId()).setParameter("n" + i, message.senderName())
                    .setParameter("a" + i, message.audience().name()).setParameter("x" + i, message.text())
                    .setParameter("p" + i, message.postedAt());
        }
        return insert.executeUpdate().replaceWithVoid();
    }

    /**
     * A start's CAD variables in one statement, after the flush that inserted their conversation. Persisted as
     * entities they were one round trip each (an identity key is inserted at once, never batched): four of the
     * start's statements in the burst bench. Ids still rise in the given order, which is the order read back.
     */
    private static Uni<Void> insertCad(Mutiny.Session session, List<CadVariable> variables) {
        if (variables.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringJoiner rows = new StringJoiner(", ", "insert into cad_variable (conversation_id, name, value) values ", "");
        for (int i = 0; i < variables.size(); i++) {
            rows.add("(:c" + i + ", :n" + i + ", :v" + i + ")");
        }
        var insert = session.createNativeQuery(rows.toString());
        for (int i = 0; i < variables.size(); i++) {
            CadVariable variable = variables.get(i);
            insert.setParameter("c" + i, variable.conversationId()).setParameter("n" + i, variable.name())
                    .setParameter("v" + i, variable.value());
        }
        return insert.executeUpdate().replaceWithVoid();
    }

    /**
     * Erases what the conversation row does not hold of the customer's data (docs/privacy.md), in the caller's
     * transaction, after {@link #save}: every message text (and a customer's sender name) reads
     * {@link CustomerErasure#ERASED}, CAD variables are deleted, wrap-up notes and the survey comment removed, and
     * any of the conversation's events set aside as unpublishable deleted. Idempotent.
     */
    public Uni<Void> eraseCustomerData(Mutiny.Session session, String conversationId) {
        String erased = CustomerErasure.ERASED;
        return update(session, "update chat_message set text = :erased, sender_name = case when sender_type = "
                        + "'CUSTOMER' then :erased else sender_name end where conversation_id = :id",
                conversationId, erased)
                .chain(() -> update(session, "delete from cad_variable where conversation_id = :id", conversationId,
                        null))
                .chain(() -> update(session, "update wrap_up set note = null where conversation_id = :id",
                        conversationId, null))
                .chain(() -> update(session, "update survey set comment = null where conversation_id = :id",
                        conversationId, null))
                .chain(() -> update(session, "delete from outbox_unpublishable where record_key = :id",
                        conversationId, null));
    }

    private static Uni<Void> update(Mutiny.Session session, String sql, String conversationId, String erased) {
        var query = session.createNativeQuery(sql).setParameter("id", conversationId);
        if (erased != null) {
            query.setParameter("erased", erased);
        }
        return query.executeUpdate().replaceWithVoid();
    }

    /** The entity that stores {@code created} (messages and CAD variables are inserted by SQL, several at once). */
    private static Object rowOf(Object created) {
        if (created instanceof Conversation conversation) {
            return ConversationRow.of(conversation);
        } else if (created instanceof Participation participation) {
            return ParticipationRow.of(participation);
        } else if (created instanceof WrapUp wrapUp) {
            return WrapUpRow.of(wrapUp);
        } else if (created instanceof Survey survey) {
            return SurveyRow.of(survey);
        } else if (created instanceof ReadPosition position) {
            return ReadPositionRow.of(position);
        }
        throw new IllegalArgumentException("Nothing stores a " + created.getClass().getName());
    }
}
