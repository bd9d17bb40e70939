package com.livechat.gateway.projection;

import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationEvent.ConversationQueued;
import com.livechat.contracts.events.ConversationEvent.ConversationStarted;
import com.livechat.contracts.events.ConversationEvent.ConversationStateChanged;
import com.livechat.contracts.events.ConversationEvent.ParticipantStateChanged;
import com.livechat.contracts.events.ConversationEvent.WrapUpRecorded;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.RoutingEvent.QueuePositionChanged;
import com.livechat.contracts.json.EventJson;
import com.livechat.platform.validation.Like;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The projection of {@code livechat.conversation.events}: the event log (every event with its seq), one summary line
 * per conversation and each agent's participation. Every write is idempotent and guarded by seq, so several gateway
 * instances applying the same events to the shared database agree.
 */
@ApplicationScoped
public class ConversationStore {

    /** Participation states in which an agent follows the conversation live. */
    private static final String FOLLOWING_STATES = "('OFFERED','ACTIVE','CONFERENCE_REQUESTED','CONFERENCE','WRAP_UP')";
    /**
     * Offers that give access: pending ones, and accepted ones until the participation they lead to is projected (so
     * the frames between the assignment and "joined" are not lost).
     */
    private static final String OPEN_OFFER = "(o.status = 'PENDING' or (o.status = 'ACCEPTED' and not exists (select 1 "
            + "from conversation_access x where x.conversation_id = o.conversation_id and x.agent_id = o.agent_id)))";

    /**
     * {@code surveyRating}: the customer's satisfaction rating (1 to 5), null until they submit the survey.
     * {@code customerReadSeq} and {@code agentReadSeq}: how far the customer, and the furthest-reading agent, have
     * read the conversation (read receipts; 0 until the first one). {@code waitingNoticeSeconds} and
     * {@code waitingNoticeText}: routing's waiting notice of the current wait (null: none, or an agent has accepted).
     */
    public record Summary(String conversationId, ConversationState state, String customerName, String queueId,
            String queueName, boolean proactive, Instant startedAt, long lastSeq, Instant lastActivityAt,
            Integer queuePosition, Integer surveyRating, long customerReadSeq, long agentReadSeq,
            Integer waitingNoticeSeconds, String waitingNoticeText) {

        /** A conversation whose customer has had no waiting notice. */
        public Summary(String conversationId, ConversationState state, String customerName, String queueId,
                String queueName, boolean proactive, Instant startedAt, long lastSeq, Instant lastActivityAt,
                Integer queuePosition, Integer surveyRating, long customerReadSeq, long agentReadSeq) {
            this(conversationId, state, customerName, queueId, queueName, proactive, startedAt, lastSeq,
                    lastActivityAt, queuePosition, surveyRating, customerReadSeq, agentReadSeq, null, null);
        }

        /** A conversation nobody has sent a read receipt in. */
        public Summary(String conversationId, ConversationState state, String customerName, String queueId,
                String queueName, boolean proactive, Instant startedAt, long lastSeq, Instant lastActivityAt,
                Integer queuePosition, Integer surveyRating) {
            this(conversationId, state, customerName, queueId, queueName, proactive, startedAt, lastSeq,
                    lastActivityAt, queuePosition, surveyRating, 0, 0);
        }

        /** A conversation whose customer has not rated it. */
        public Summary(String conversationId, ConversationState state, String customerName, String queueId,
                String queueName, boolean proactive, Instant startedAt, long lastSeq, Instant lastActivityAt,
                Integer queuePosition) {
            this(conversationId, state, customerName, queueId, queueName, proactive, startedAt, lastSeq,
                    lastActivityAt, queuePosition, null);
        }
    }

    /** One agent's part in a conversation, with the summary of the conversation. */
    public record Participation(Summary conversation, String agentId, ParticipantState participantState,
            String wrapUpCode, String wrapUpLabel, Instant updatedAt) {
    }

    public record Participant(String agentId, String agentName, ParticipantState state) {
    }

    /**
     * What an agent may do with a conversation: their participation (null if none) and whether an offer of it is
     * open to them (pending, or accepted and the participation not projected yet).
     */
    public record Access(ParticipantState participantState, boolean offerPending) {

        /** Sees the conversation: offered it, or took part in it (even if it is over). */
        public boolean canRead() {
            return offerPending || (participantState != null && participantState != ParticipantState.WITHDRAWN);
        }

        public boolean isInConversation() {
            return participantState != null && StateReading.isInConversation(participantState);
        }

        /** Offered, in, or wrapping up the conversation: a part in it that is not over (DONE or WITHDRAWN) yet. */
        public boolean isUnsettled() {
            return offerPending || (participantState != null && participantState != ParticipantState.DONE
                    && participantState != ParticipantState.WITHDRAWN);
        }
    }

    public record Page<T>(List<T> items, long total) {
    }

    private final Pool pool;
    private final Clock clock;

    public ConversationStore(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /**
     * The statements that apply one event, in the order they must run in the caller's transaction. None reads what
     * an earlier one returned, so they may all be sent at once ({@link Pipelined}).
     */
    public List<Uni<Void>> statements(SqlClient client, ConversationEvent event) {
        if (event.seq() == null) {
            return List.of();
        }
        List<Uni<Void>> statements = new ArrayList<>(List.of(logged(client, event), summarized(client, event)));
        statements.addAll(specificStatements(client, event));
        return statements;
    }

    /** The event into the log, once per seq. */
    private Uni<Void> logged(SqlClient client, ConversationEvent event) {
        return client.preparedQuery("""
                        insert into conversation_event (conversation_id, seq, event_type, occurred_at, payload)
                        values ($1, $2, $3, $4, $5) on conflict (conversation_id, seq) do nothing""")
                .execute(Tuple.from(Arrays.asList(event.conversationId(), event.seq(), event.getClass().getSimpleName(),
                        Times.toDb(occurredAt(event)), EventJson.write(event))))
                .replaceWithVoid();
    }

    /** The summary line exists and is at least as far as the event (a late copy never moves it back). */
    private Uni<Void> summarized(SqlClient client, ConversationEvent event) {
        return client.preparedQuery("""
                        insert into conversation_summary (conversation_id, last_seq, last_activity_at) values ($1, $2, $3)
                        on conflict (conversation_id) do update set last_seq = greatest(conversation_summary.last_seq, excluded.last_seq),
                            last_activity_at = greatest(conversation_summary.last_activity_at, excluded.last_activity_at)""")
                .execute(Tuple.of(event.conversationId(), event.seq(), Times.toDb(occurredAt(event))))
                .replaceWithVoid();
    }

    private List<Uni<Void>> specificStatements(SqlClient client, ConversationEvent event) {
        if (event instanceof ConversationEvent.CustomerDataErased erased) {
            return erase(client, erased.conversationId());
        } else if (event instanceof ConversationStarted s) {
            // A late copy of the start (another instance's consumer lagging) never brings an erased name back.
            return List.of(client.preparedQuery("""
                            update conversation_summary set customer_name = case when customer_name = '[erased]'
                                then customer_name else $2 end, queue_id = coalesce(queue_id, $3),
                                queue_name = coalesce(queue_name, $4), proactive = $5, started_at = $6 where conversation_id = $1""")
                    .execute(Tuple.from(Arrays.asList(s.conversationId(), s.customer() == null ? null : s.customer().name(),
                            s.queueId(), s.queueName(), s.proactive(), Times.toDb(occurredAt(s)))))
                    .replaceWithVoid(),
                    setState(client, s.conversationId(), s.seq(), ConversationState.QUEUED));
        } else if (event instanceof ConversationQueued q) {
            return List.of(client.preparedQuery("update conversation_summary set queue_id = $2, queue_name = $3 where conversation_id = $1")
                    .execute(Tuple.of(q.conversationId(), q.queueId(), q.queueName()))
                    .replaceWithVoid(),
                    setState(client, q.conversationId(), q.seq(), ConversationState.QUEUED));
        } else if (event instanceof ConversationStateChanged c) {
            return List.of(setState(client, c.conversationId(), c.seq(), c.to()));
        } else if (event instanceof ParticipantStateChanged p) {
            return List.of(client.preparedQuery("""
                            insert into conversation_access (conversation_id, agent_id, agent_name, participant_state, state_seq, updated_at)
                            values ($1, $2, $3, $4, $5, $6)
                            on conflict (conversation_id, agent_id) do update set agent_name = coalesce(excluded.agent_name, conversation_access.agent_name),
                                participant_state = excluded.participant_state, state_seq = excluded.state_seq, updated_at = excluded.updated_at
                            where conversation_access.state_seq < excluded.state_seq""")
                    .execute(Tuple.from(Arrays.asList(p.conversationId(), p.agentId(), p.agentName(), p.to().name(), p.seq(),
                            Times.toDb(occurredAt(p)))))
                    .replaceWithVoid());
        } else if (event instanceof ConversationEvent.MessagesRead read) {
            String column = read.readerType() == com.livechat.contracts.events.SenderType.CUSTOMER
                    ? "customer_read_seq" : "agent_read_seq";
            return List.of(client.preparedQuery("update conversation_summary set " + column + " = greatest(" + column
                            + ", $2) where conversation_id = $1")
                    .execute(Tuple.of(read.conversationId(), read.upToSeq()))
                    .replaceWithVoid());
        } else if (event instanceof ConversationEvent.SurveySubmitted survey) {
            return List.of(client.preparedQuery("update conversation_summary set survey_rating = $2 where conversation_id = $1 and survey_rating is null")
                    .execute(Tuple.of(survey.conversationId(), survey.rating()))
                    .replaceWithVoid());
        } else if (event instanceof WrapUpRecorded w) {
            return List.of(client.preparedQuery("update conversation_access set wrap_up_code = $3, wrap_up_label = $4 where conversation_id = $1 and agent_id = $2")
                    .execute(Tuple.of(w.conversationId(), w.agentId(), w.reasonCode(), w.reasonLabel()))
                    .replaceWithVoid());
        }
        return List.of();
    }

    /**
     * Erases this projection's copy of the customer's data (docs/privacy.md), idempotently: in the event log, message
     * texts (and a customer's sender name) and customer names read {@code [erased]}, the customer's contact fields,
     * CAD variables, wrap-up notes and survey comment are removed; the summary's and the offers' customer name too.
     */
    List<Uni<Void>> erase(SqlClient client, String conversationId) {
        String erased = ConversationEvent.CustomerDataErased.ERASED;
        return List.of(client.preparedQuery("""
                        update conversation_event set payload = (case event_type
                            when 'MessagePosted' then payload::jsonb || jsonb_build_object('text', $2::text)
                                || case when payload::jsonb ->> 'senderType' = 'CUSTOMER'
                                    then jsonb_build_object('senderName', $2::text) else '{}'::jsonb end
                            when 'ConversationStarted' then payload::jsonb
                                || jsonb_build_object('customer', jsonb_build_object('name', $2::text), 'cad', '{}'::jsonb)
                            when 'ConversationQueued' then payload::jsonb || jsonb_build_object('customerName', $2::text)
                            when 'AgentOfferRequested' then payload::jsonb || jsonb_build_object('customerName', $2::text)
                            when 'WrapUpRecorded' then payload::jsonb - 'note'
                            when 'SurveySubmitted' then payload::jsonb - 'comment'
                            else payload::jsonb end)::text
                        where conversation_id = $1""")
                        .execute(Tuple.of(conversationId, erased))
                        .replaceWithVoid(),
                client.preparedQuery("update conversation_summary set customer_name = $2 where conversation_id = $1")
                        .execute(Tuple.of(conversationId, erased))
                        .replaceWithVoid(),
                client.preparedQuery("""
                                update agent_offer set offered = (offered::jsonb
                                    || jsonb_build_object('customerName', $2::text))::text where conversation_id = $1""")
                        .execute(Tuple.of(conversationId, erased))
                        .replaceWithVoid());
    }

    private Uni<Void> setState(SqlClient client, String conversationId, long seq, ConversationState state) {
        return client.preparedQuery("update conversation_summary set state = $2, state_seq = $3 where conversation_id = $1 and state_seq < $3")
                .execute(Tuple.of(conversationId, state.name(), seq))
                .replaceWithVoid();
    }

    public Uni<Void> saveQueuePosition(SqlClient client, QueuePositionChanged event) {
        return saveQueuePositions(client, List.of(event));
    }

    /**
     * The positions of many waiting chats in one statement (routing publishes a whole queue's shift at once); at most
     * one event per conversation, or the statement would update one row twice.
     */
    public Uni<Void> saveQueuePositions(SqlClient client, Collection<QueuePositionChanged> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("""
                        insert into conversation_summary (conversation_id, queue_position)
                        select * from unnest($1::text[], $2::int[])
                        on conflict (conversation_id) do update set queue_position = excluded.queue_position""")
                .execute(Tuple.of(events.stream().map(QueuePositionChanged::conversationId).toArray(String[]::new),
                        events.stream().map(QueuePositionChanged::position).toArray(Integer[]::new)))
                .replaceWithVoid();
    }

    /** Routing's waiting notice of the current wait, repeated in the customer's hello until an agent accepts. */
    public Uni<Void> saveWaitingNotice(SqlClient client, RoutingEvent.WaitingNoticeIssued notice) {
        return client.preparedQuery("""
                        insert into conversation_summary (conversation_id, waiting_notice_seconds, waiting_notice_text)
                        values ($1, $2, $3) on conflict (conversation_id) do update
                        set waiting_notice_seconds = excluded.waiting_notice_seconds,
                            waiting_notice_text = excluded.waiting_notice_text""")
                .execute(Tuple.of(notice.conversationId(), notice.waitedSeconds(), notice.text()))
                .replaceWithVoid();
    }

    /** An agent accepted the chat: the wait, and its notice, are over. */
    public Uni<Void> clearWaitingNotice(SqlClient client, String conversationId) {
        return client.preparedQuery("update conversation_summary set waiting_notice_seconds = null,"
                        + " waiting_notice_text = null where conversation_id = $1 and waiting_notice_seconds is not null")
                .execute(Tuple.of(conversationId))
                .replaceWithVoid();
    }

    /** Agents who follow the conversation live: offered it, in it, or wrapping it up. */
    public Uni<Set<String>> followers(SqlClient client, String conversationId) {
        return client.preparedQuery("select agent_id from conversation_access where conversation_id = $1 and participant_state in "
                        + FOLLOWING_STATES + " union select o.agent_id from agent_offer o where o.conversation_id = $1 and " + OPEN_OFFER)
                .execute(Tuple.of(conversationId))
                .map(rows -> {
                    Set<String> agents = new LinkedHashSet<>();
                    rows.forEach(row -> agents.add(row.getString("agent_id")));
                    return agents;
                });
    }

    /** The agents who follow the conversation live, read outside any transaction (typing indicators). */
    public Uni<Set<String>> followers(String conversationId) {
        return followers(pool, conversationId);
    }

    /** The events of a conversation with {@code afterSeq < seq <= upToSeq}, in order. */
    public Uni<List<ConversationEvent>> events(String conversationId, long afterSeq, long upToSeq) {
        return pool.preparedQuery("select payload from conversation_event where conversation_id = $1 and seq > $2 and seq <= $3 order by seq")
                .execute(Tuple.of(conversationId, afterSeq, upToSeq))
                .map(rows -> {
                    List<ConversationEvent> events = new ArrayList<>();
                    rows.forEach(row -> events.add(EventJson.read(row.getString("payload"), ConversationEvent.class)));
                    return events;
                });
    }

    /** The seq of the conversation's last message the gateway has projected; 0 when there is none. */
    public Uni<Long> lastMessageSeq(String conversationId) {
        return pool.preparedQuery("select coalesce(max(seq), 0) as last from conversation_event where conversation_id = $1 and event_type = 'MessagePosted'")
                .execute(Tuple.of(conversationId))
                .map(rows -> rows.iterator().next().getLong("last"));
    }

    public Uni<Optional<Summary>> summary(String conversationId) {
        return pool.preparedQuery("select * from conversation_summary where conversation_id = $1")
                .execute(Tuple.of(conversationId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toSummary(rows.iterator().next())));
    }

    public Uni<Access> access(String conversationId, String agentId) {
        return pool.preparedQuery("""
                        select (select participant_state from conversation_access where conversation_id = $1 and agent_id = $2) as participant_state,
                               exists (select 1 from agent_offer o where o.conversation_id = $1 and o.agent_id = $2 and """ + OPEN_OFFER + ") as offer_pending")
                .execute(Tuple.of(conversationId, agentId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    String state = row.getString("participant_state");
                    return new Access(state == null ? null : ParticipantState.valueOf(state), row.getBoolean("offer_pending"));
                });
    }

    /** The conversations the agent is in or wrapping up, most recent first. */
    public Uni<List<Participation>> current(String agentId) {
        return participations("""
                select s.*, a.agent_id, a.participant_state, a.wrap_up_code, a.wrap_up_label, a.updated_at
                from conversation_access a join conversation_summary s on s.conversation_id = a.conversation_id
                where a.agent_id = $1 and a.participant_state in ('ACTIVE','CONFERENCE_REQUESTED','CONFERENCE','WRAP_UP')
                order by a.updated_at desc""", Tuple.of(agentId));
    }

    /** Every conversation the agent took part in, most recently active first. */
    /**
     * The conversations the agent joined, most recently active first; {@code search} (blank: all) keeps those whose
     * customer, queue, wrap-up reason or id contains it, any case.
     */
    public Uni<Page<Participation>> history(String agentId, String search, int page, int size) {
        String where = " from conversation_access a join conversation_summary s on s.conversation_id = a.conversation_id"
                + " where a.agent_id = $1 and a.participant_state not in ('OFFERED','WITHDRAWN')"
                + " and (coalesce(s.customer_name, '') ilike $2 escape '!' or coalesce(s.queue_name, '') ilike $2 escape '!'"
                + " or coalesce(a.wrap_up_label, '') ilike $2 escape '!' or a.conversation_id ilike $2 escape '!')";
        String pattern = Like.containsPattern(search);
        Uni<Long> total = pool.preparedQuery("select count(*) as total" + where).execute(Tuple.of(agentId, pattern))
                .map(rows -> rows.iterator().next().getLong("total"));
        return total.chain(count -> participations("select s.*, a.agent_id, a.participant_state, a.wrap_up_code, a.wrap_up_label, a.updated_at"
                        + where + " order by coalesce(s.last_activity_at, a.updated_at) desc, s.conversation_id limit $3 offset $4",
                Tuple.of(agentId, pattern, size, (long) page * size))
                .map(items -> new Page<>(items, count)));
    }

    public Uni<List<Participant>> participants(String conversationId) {
        return pool.preparedQuery("select agent_id, agent_name, participant_state from conversation_access where conversation_id = $1 order by state_seq")
                .execute(Tuple.of(conversationId))
                .map(rows -> {
                    List<Participant> participants = new ArrayList<>();
                    rows.forEach(row -> participants.add(new Participant(row.getString("agent_id"), row.getString("agent_name"),
                            ParticipantState.valueOf(row.getString("participant_state")))));
                    return participants;
                });
    }

    private Uni<List<Participation>> participations(String sql, Tuple arguments) {
        return pool.preparedQuery(sql).execute(arguments).map(rows -> {
            List<Participation> result = new ArrayList<>();
            rows.forEach(row -> result.add(new Participation(toSummary(row), row.getString("agent_id"),
                    ParticipantState.valueOf(row.getString("participant_state")), row.getString("wrap_up_code"),
                    row.getString("wrap_up_label"), Times.fromDb(row.getOffsetDateTime("updated_at")))));
            return result;
        });
    }

    private static Summary toSummary(Row row) {
        String state = row.getString("state");
        return new Summary(row.getString("conversation_id"), state == null ? null : ConversationState.valueOf(state),
                row.getString("customer_name"), row.getString("queue_id"), row.getString("queue_name"),
                Boolean.TRUE.equals(row.getBoolean("proactive")), Times.fromDb(row.getOffsetDateTime("started_at")),
                row.getLong("last_seq"), Times.fromDb(row.getOffsetDateTime("last_activity_at")),
                row.getInteger("queue_position"), row.getInteger("survey_rating"),
                row.getLong("customer_read_seq"), row.getLong("agent_read_seq"),
                row.getInteger("waiting_notice_seconds"), row.getString("waiting_notice_text"));
    }

    private Instant occurredAt(ConversationEvent event) {
        return event.occurredAt() == null ? clock.instant() : event.occurredAt();
    }
}
