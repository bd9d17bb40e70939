package com.livechat.gateway.projection;

import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationEvent.AgentOfferRequested;
import com.livechat.contracts.events.ConversationEvent.ConversationQueued;
import com.livechat.contracts.events.ConversationEvent.ConversationStateChanged;
import com.livechat.contracts.events.ConversationEvent.ParticipantStateChanged;
import com.livechat.contracts.events.ConversationEvent.SurveySubmitted;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.RoutingEvent.OfferWithdrawn;
import com.livechat.contracts.events.WithdrawReason;
import com.livechat.gateway.config.GatewayConfig;
import com.livechat.gateway.projection.ReferenceStore.Kind;
import com.livechat.gateway.supervision.AgentInput;
import com.livechat.gateway.supervision.Overview;
import com.livechat.gateway.supervision.QueueEntry;
import com.livechat.gateway.supervision.QueueRef;
import com.livechat.gateway.supervision.SupervisorFigures;
import com.livechat.gateway.supervision.SurveyRating;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The supervisor console's projection (issue 15): queue entries and satisfaction surveys (issue 14) from the
 * conversation events, RONA timeouts from the routing events, read back with the presence projection and the queues into {@link SupervisorFigures}.
 * Idempotent: a conversation event is applied once (its {@code seq} against {@code supervision_cursor}), a RONA
 * once (its event id), so a redelivery, or the same event projected by another gateway instance, changes nothing.
 */
@ApplicationScoped
public class SupervisionStore {

    /**
     * Moves the conversation's cursor forward to the event's seq; a guarded write may only take effect when it moved
     * (the event was not applied before, by this instance or another).
     */
    private static final String CURSOR_ADVANCED = """
            insert into supervision_cursor (conversation_id, seq) values ($1, $2)
            on conflict (conversation_id) do update set seq = excluded.seq
            where supervision_cursor.seq < excluded.seq
            returning seq""";

    private final Pool pool;
    private final ReferenceStore reference;
    private final Clock clock;
    private final GatewayConfig.Supervision settings;

    public SupervisionStore(Pool pool, ReferenceStore reference, Clock clock, GatewayConfig config) {
        this.pool = pool;
        this.reference = reference;
        this.clock = clock;
        this.settings = config.supervision();
    }

    /**
     * The statements that apply a numbered conversation event, once, in the transaction of the event's other
     * projections. None reads what an earlier one returned (the cursor and the writes it guards are one statement),
     * so they may be sent at once with the other projections' ({@link Pipelined}).
     */
    public List<Uni<Void>> statements(SqlClient client, ConversationEvent event) {
        if (event instanceof ConversationEvent.CustomerDataErased erased) {
            // Erasure on request (docs/privacy.md): the figures keep counting, without the customer's name.
            return List.of(client.preparedQuery(
                            "update supervision_queue_entry set customer_name = $2 where conversation_id = $1")
                    .execute(Tuple.of(erased.conversationId(), ConversationEvent.CustomerDataErased.ERASED))
                    .replaceWithVoid());
        }
        if (event.seq() == null || !concerns(event)) {
            return List.of();
        }
        return List.of(onceAdvanced(client, event));
    }

    private static boolean concerns(ConversationEvent event) {
        return event instanceof ConversationQueued
                || event instanceof AgentOfferRequested r && r.kind() == OfferKind.TRANSFER
                || event instanceof ConversationStateChanged
                || event instanceof ParticipantStateChanged
                || event instanceof SurveySubmitted;
    }

    /**
     * One statement per event: the cursor advanced and the event's writes, each requiring a row of {@code advanced}
     * (the cursor moved). Every statement's {@code $1} is the conversation and {@code $2} the event's seq.
     */
    private static Uni<Void> onceAdvanced(SqlClient client, ConversationEvent event) {
        if (event instanceof ConversationQueued q) {
            return queued(client, q);
        } else if (event instanceof SurveySubmitted survey) {
            return surveyed(client, survey);
        } else if (event instanceof AgentOfferRequested r) {
            return guarded(client, List.of(transferred("$3")),
                    Arrays.asList(r.conversationId(), r.seq(), Times.toDb(r.occurredAt())));
        } else if (event instanceof ConversationStateChanged changed) {
            return leftQueue(client, changed);
        } else if (event instanceof ParticipantStateChanged p) {
            return participantChanged(client, p);
        }
        return cursorOnly(client, event);
    }

    /** A new queue entry; a chat transferred to a queue first ends the answered entry it leaves. */
    private static Uni<Void> queued(SqlClient client, ConversationQueued q) {
        String entered = """
                insert into supervision_queue_entry (conversation_id, entry_seq, queue_id, queue_name,
                    customer_name, entered_at, waiting_since, reason)
                select $1, $2, $3::text, $4::text, $5::text, $6::timestamptz, $7::timestamptz, $8::text
                from advanced on conflict do nothing""";
        boolean transfer = q.reason() == com.livechat.contracts.events.QueueReason.TRANSFER;
        return guarded(client, transfer ? List.of(transferred("$6"), entered) : List.of(entered),
                Arrays.asList(q.conversationId(), q.seq(), q.queueId(), q.queueName(), q.customerName(),
                        Times.toDb(q.occurredAt()), Times.toDb(q.waitingSince()),
                        q.reason() == null ? "NEW" : q.reason().name()));
    }

    /** The chat's last queue (the event's; the projected one for an event without it); the first survey stays. */
    private static Uni<Void> surveyed(SqlClient client, SurveySubmitted survey) {
        return guarded(client, List.of("""
                        insert into supervision_survey (conversation_id, queue_id, queue_name, rating, submitted_at)
                        select $1::text, coalesce($3::text, s.queue_id),
                            case when s.queue_id = coalesce($3::text, s.queue_id) then s.queue_name end,
                            $4::int, $5::timestamptz
                        from advanced left join conversation_summary s on s.conversation_id = $1::text
                        where coalesce($3::text, s.queue_id) is not null
                        on conflict (conversation_id) do nothing"""),
                Arrays.asList(survey.conversationId(), survey.seq(), survey.queueId(), survey.rating(),
                        Times.toDb(survey.occurredAt())));
    }

    /** The chat leaves a queue: the entry's outcome (connected, abandoned, interrupted), if it is one. */
    private static Uni<Void> leftQueue(SqlClient client, ConversationStateChanged changed) {
        QueueEntry.Outcome outcome = outcome(changed);
        if (outcome == null) {
            return cursorOnly(client, changed);
        }
        return guarded(client, List.of("""
                        update supervision_queue_entry set outcome = $3, outcome_at = $4
                        where conversation_id = $1 and outcome is null and exists (select 1 from advanced)"""),
                Arrays.asList(changed.conversationId(), changed.seq(), outcome.name(),
                        Times.toDb(changed.occurredAt())));
    }

    private static Uni<Void> participantChanged(SqlClient client, ParticipantStateChanged p) {
        if (p.to() == ParticipantState.ACTIVE && (p.from() == null || p.from() == ParticipantState.OFFERED)) {
            // The agent who joined is the one who answered the entry the chat was just connected from.
            return guarded(client, List.of("""
                            update supervision_queue_entry set agent_id = $3
                            where conversation_id = $1 and outcome = 'ANSWERED' and agent_id is null
                            and exists (select 1 from advanced)"""),
                    Arrays.asList(p.conversationId(), p.seq(), p.agentId()));
        } else if (p.to() == ParticipantState.DONE) {
            return guarded(client, List.of("""
                            update supervision_queue_entry set handled_until = $4
                            where conversation_id = $1 and agent_id = $3 and handled_until is null
                            and exists (select 1 from advanced)"""),
                    Arrays.asList(p.conversationId(), p.seq(), p.agentId(), Times.toDb(p.occurredAt())));
        }
        return cursorOnly(client, p);
    }

    /** An event the figures count nothing of still moves the cursor, so an older copy arriving later is skipped. */
    private static Uni<Void> cursorOnly(SqlClient client, ConversationEvent event) {
        return client.preparedQuery(CURSOR_ADVANCED).execute(Tuple.of(event.conversationId(), event.seq()))
                .replaceWithVoid();
    }

    /**
     * The cursor advanced and {@code writes} in one statement, the last write as the main statement, the others as
     * its data-modifying {@code with} queries. They all see the tables as they were before the statement; the
     * writes of one event touch different rows (a transfer ends an answered entry, then adds a waiting one), so that
     * is the order they had one after the other.
     */
    private static Uni<Void> guarded(SqlClient client, List<String> writes, List<Object> values) {
        StringBuilder sql = new StringBuilder("with advanced as (").append(CURSOR_ADVANCED).append(")");
        for (int i = 0; i < writes.size() - 1; i++) {
            sql.append(", write").append(i).append(" as (").append(writes.get(i)).append(")");
        }
        sql.append('\n').append(writes.get(writes.size() - 1));
        return client.preparedQuery(sql.toString()).execute(Tuple.from(values)).replaceWithVoid();
    }

    /** The chat leaves a queue: connected (answered), abandoned, interrupted; other changes are not queue outcomes. */
    private static QueueEntry.Outcome outcome(ConversationStateChanged changed) {
        boolean fromQueue = changed.from() == ConversationState.QUEUED || changed.from() == ConversationState.OFFERED;
        if (!fromQueue || changed.to() == null) {
            return null;
        }
        return switch (changed.to()) {
            case CONNECTED -> QueueEntry.Outcome.ANSWERED;
            case ABANDONED -> QueueEntry.Outcome.ABANDONED;
            case INTERRUPTED -> QueueEntry.Outcome.INTERRUPTED;
            default -> null;
        };
    }

    /**
     * The agent who answered the chat hands it on (to a queue or to a colleague), at the time in parameter
     * {@code at}; a guarded write.
     */
    private static String transferred(String at) {
        return "update supervision_queue_entry set transferred_at = " + at + "::timestamptz"
                + " where conversation_id = $1 and outcome = 'ANSWERED' and transferred_at is null"
                + " and exists (select 1 from advanced)";
    }

    /** Counts an offer the agent let time out (RONA), once per event. */
    public Uni<Void> apply(SqlClient client, OfferWithdrawn withdrawn) {
        if (withdrawn.reason() != WithdrawReason.RONA_TIMEOUT || withdrawn.agentId() == null) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("""
                        insert into supervision_rona (event_id, agent_id, occurred_at) values ($1, $2, $3)
                        on conflict (event_id) do nothing""")
                .execute(Tuple.of(withdrawn.eventId(), withdrawn.agentId(), Times.toDb(withdrawn.occurredAt())))
                .replaceWithVoid();
    }

    /** A conversation that is not over, for the console's live list (Monitor). */
    public record LiveConversation(String conversationId, String state, String customerName, String queueId,
            String queueName, Instant startedAt, long lastSeq, List<String> agents) {
    }

    /**
     * The conversations that are not over (waiting, offered, connected, customer ended, interrupted), oldest first,
     * with the names of the agents in them, at most {@code limit}.
     */
    public Uni<List<LiveConversation>> liveConversations(int limit) {
        return pool.preparedQuery("""
                        select s.conversation_id, s.state, s.customer_name, s.queue_id, s.queue_name, s.started_at,
                            s.last_seq, (select string_agg(coalesce(a.agent_name, a.agent_id), ',' order by a.agent_id)
                                from conversation_access a where a.conversation_id = s.conversation_id
                                and a.participant_state in ('ACTIVE','CONFERENCE_REQUESTED','CONFERENCE')) as agents
                        from conversation_summary s
                        where s.state in ('QUEUED','OFFERED','CONNECTED','CUSTOMER_ENDED','INTERRUPTED')
                        order by s.started_at nulls last, s.conversation_id limit $1""")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<LiveConversation> list = new ArrayList<>();
                    rows.forEach(row -> {
                        String agents = row.getString("agents");
                        list.add(new LiveConversation(row.getString("conversation_id"), row.getString("state"),
                                row.getString("customer_name"), row.getString("queue_id"), row.getString("queue_name"),
                                Times.fromDb(row.getOffsetDateTime("started_at")), row.getLong("last_seq"),
                                agents == null ? List.of() : List.of(agents.split(","))));
                    });
                    return list;
                });
    }

    /** The figures now: counts since midnight in the configured zone, the configured service-level threshold. */
    public Uni<Overview> current() {
        Instant now = clock.instant();
        Instant dayStart = LocalDate.ofInstant(now, settings.zone()).atStartOfDay(settings.zone()).toInstant();
        return overview(now, dayStart, settings.serviceLevelThreshold());
    }

    /** The figures at {@code now}, counting from {@code dayStart}. */
    public Uni<Overview> overview(Instant now, Instant dayStart, Duration threshold) {
        Tuple since = Tuple.of(Times.toDb(dayStart));
        Uni<List<QueueEntry>> entries = pool.preparedQuery("""
                        select * from supervision_queue_entry where outcome is null or entered_at >= $1
                            or outcome_at >= $1 or transferred_at >= $1 or handled_until >= $1""")
                .execute(since)
                .map(rows -> {
                    List<QueueEntry> list = new ArrayList<>();
                    rows.forEach(row -> list.add(entry(row)));
                    return list;
                });
        Uni<List<SurveyRating>> surveys = pool.preparedQuery(
                        "select * from supervision_survey where submitted_at >= $1")
                .execute(since)
                .map(rows -> {
                    List<SurveyRating> list = new ArrayList<>();
                    rows.forEach(row -> list.add(new SurveyRating(row.getString("conversation_id"),
                            row.getString("queue_id"), row.getString("queue_name"), row.getInteger("rating"),
                            Times.fromDb(row.getOffsetDateTime("submitted_at")))));
                    return list;
                });
        Uni<List<AgentInput>> agents = pool.query("""
                        select p.* from agent_presence p where not exists (select 1 from reference_item r
                            where r.kind = 'AGENT' and r.item_id = p.agent_id and r.deleted)""")
                .execute()
                .map(rows -> {
                    List<AgentInput> list = new ArrayList<>();
                    rows.forEach(row -> list.add(new AgentInput(row.getString("agent_id"),
                            row.getString("display_name"), row.getString("state"), row.getString("idle_code"),
                            Times.fromDb(row.getOffsetDateTime("state_since")), row.getInteger("active_chats"),
                            row.getInteger("capacity"))));
                    return list;
                });
        Uni<Map<String, Integer>> rona = pool.preparedQuery("""
                        select agent_id, count(*) as n from supervision_rona where occurred_at >= $1 group by agent_id""")
                .execute(since)
                .map(rows -> {
                    Map<String, Integer> counts = new HashMap<>();
                    rows.forEach(row -> counts.put(row.getString("agent_id"), row.getLong("n").intValue()));
                    return counts;
                });
        Uni<List<QueueRef>> queues = reference.list(Kind.QUEUE, null)
                .map(items -> items.stream().map(item -> new QueueRef(item.id(), item.name())).toList());
        return Uni.combine().all().unis(queues, entries, surveys, agents, rona).asTuple()
                .map(all -> SupervisorFigures.compute(all.getItem1(), all.getItem2(), all.getItem3(), all.getItem4(),
                        all.getItem5(), now, dayStart, threshold));
    }

    private static QueueEntry entry(Row row) {
        String outcome = row.getString("outcome");
        return new QueueEntry(row.getString("conversation_id"), row.getString("queue_id"), row.getString("queue_name"),
                row.getString("customer_name"), Times.fromDb(row.getOffsetDateTime("entered_at")),
                Times.fromDb(row.getOffsetDateTime("waiting_since")),
                outcome == null ? null : QueueEntry.Outcome.valueOf(outcome),
                Times.fromDb(row.getOffsetDateTime("outcome_at")), row.getString("agent_id"),
                Times.fromDb(row.getOffsetDateTime("transferred_at")),
                Times.fromDb(row.getOffsetDateTime("handled_until")));
    }
}
