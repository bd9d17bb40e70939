package com.livechat.gateway;

import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.Customer;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.QueueReason;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.SenderType;
import com.livechat.contracts.events.Topics;
import com.livechat.gateway.audit.ErasureAudit;
import com.livechat.gateway.messaging.CommittedEvents;
import com.livechat.gateway.messaging.ConversationEventConsumer;
import com.livechat.gateway.projection.ConversationStore;
import com.livechat.gateway.projection.SupervisionStore;
import com.livechat.gateway.support.Scenario;
import com.livechat.platform.failure.UntilDecided;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A poll of conversation events is projected with its statements pipelined (sent at once): they must still take
 * effect in the poll's order (the supervisor's queue entry is answered, then taken by the agent who joined, then
 * handled until they are done), and each event must be handed on, in seq order, with the agents who followed the
 * conversation once that event, and none after it, was projected.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class ConversationPollOrderTest {

    @Inject
    Pool pool;

    @Inject
    ConversationStore conversations;

    @Inject
    SupervisionStore supervision;

    @Inject
    UntilDecided untilDecided;

    @Inject
    ErasureAudit erasures;

    @Inject
    Tracer tracer;

    /** What the consumer handed on, in order: "conversation seq followers" (a rejection: "rejected command"). */
    private final List<String> handedOn = new ArrayList<>();

    @Test
    void twoInterleavedConversationsEndAsTheirLastEventsSayAndAreHandedOnInSeqOrder() {
        String alice = Scenario.unique("alice");
        String bob = Scenario.unique("bob");
        Chat answered = new Chat();
        Chat transferred = new Chat();
        List<ConversationEvent> poll = List.of(
                answered.started(), transferred.started(),
                answered.queued(QueueReason.NEW), transferred.queued(QueueReason.NEW),
                answered.state(ConversationState.QUEUED, ConversationState.CONNECTED),
                transferred.state(ConversationState.QUEUED, ConversationState.CONNECTED),
                answered.participant(alice, null, ParticipantState.ACTIVE),
                transferred.participant(bob, null, ParticipantState.ACTIVE),
                answered.customerSays(),
                transferred.customerSays(),
                rejected(answered),
                answered.participant(alice, ParticipantState.ACTIVE, ParticipantState.WRAP_UP),
                transferred.participant(bob, ParticipantState.ACTIVE, ParticipantState.WRAP_UP),
                answered.state(ConversationState.CONNECTED, ConversationState.ENDED),
                transferred.state(ConversationState.CONNECTED, ConversationState.QUEUED),
                transferred.queued(QueueReason.TRANSFER),
                answered.participant(alice, ParticipantState.WRAP_UP, ParticipantState.DONE),
                answered.customerSays(),
                transferred.customerSays());

        consumer().consume(records(poll)).await().atMost(Duration.ofSeconds(20));

        assertEquals(List.of(
                answered.id + " 1 []", transferred.id + " 1 []",
                answered.id + " 2 []", transferred.id + " 2 []",
                answered.id + " 3 []", transferred.id + " 3 []",
                answered.id + " 4 [" + alice + "]", transferred.id + " 4 [" + bob + "]",
                answered.id + " 5 [" + alice + "]", transferred.id + " 5 [" + bob + "]",
                "rejected command",
                answered.id + " 6 [" + alice + "]", transferred.id + " 6 [" + bob + "]",
                answered.id + " 7 [" + alice + "]", transferred.id + " 7 [" + bob + "]",
                transferred.id + " 8 [" + bob + "]",
                answered.id + " 8 [" + alice + "]",
                // Done: no longer following; still wrapping up the transferred chat: still following.
                answered.id + " 9 []", transferred.id + " 9 [" + bob + "]"), handedOn);
        assertEquals("ENDED 7 9", summary(answered));
        assertEquals("QUEUED 8 9", summary(transferred));
        assertEquals("DONE 8", participation(answered, alice));
        assertEquals("WRAP_UP 6", participation(transferred, bob));
        assertEquals(9L, eventsLogged(answered));
        assertEquals(9L, eventsLogged(transferred));
        List<Row> answeredEntries = queueEntries(answered);
        assertEquals(1, answeredEntries.size());
        assertEquals("ANSWERED", answeredEntries.get(0).getString("outcome"));
        assertEquals(alice, answeredEntries.get(0).getString("agent_id"));
        assertNotNull(answeredEntries.get(0).getOffsetDateTime("handled_until"), "handled until alice was done");
        List<Row> transferredEntries = queueEntries(transferred);
        assertEquals(2, transferredEntries.size());
        assertEquals(bob, transferredEntries.get(0).getString("agent_id"));
        assertNotNull(transferredEntries.get(0).getOffsetDateTime("transferred_at"), "answered, then transferred");
        assertNull(transferredEntries.get(1).getString("outcome"), "waiting again after the transfer");
        assertEquals("TRANSFER", transferredEntries.get(1).getString("reason"));
    }

    @Test
    void aPollDeliveredAgainChangesNothingAndIsHandedOnAgain() {
        String bob = Scenario.unique("bob");
        Chat chat = new Chat();
        List<ConversationEvent> poll = List.of(chat.started(), chat.queued(QueueReason.NEW),
                chat.state(ConversationState.QUEUED, ConversationState.CONNECTED),
                chat.participant(bob, null, ParticipantState.ACTIVE),
                chat.state(ConversationState.CONNECTED, ConversationState.QUEUED),
                chat.queued(QueueReason.TRANSFER),
                chat.state(ConversationState.QUEUED, ConversationState.CONNECTED));
        consumer().consume(records(poll)).await().atMost(Duration.ofSeconds(20));

        consumer().consume(records(poll)).await().atMost(Duration.ofSeconds(20));

        // Handed on again in seq order (with whoever follows the conversation now); the sockets drop what they have.
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"), handedOn.subList(poll.size(), handedOn.size())
                .stream().map(line -> line.split(" ")[1]).toList());
        assertEquals("CONNECTED 7 7", summary(chat));
        List<Row> entries = queueEntries(chat);
        assertEquals(2, entries.size());
        assertEquals(bob, entries.get(0).getString("agent_id"));
        assertNotNull(entries.get(0).getOffsetDateTime("transferred_at"));
        // Applied again, the join and the transfer would be taken for the second entry's.
        assertEquals("ANSWERED", entries.get(1).getString("outcome"));
        assertNull(entries.get(1).getString("agent_id"), "nobody joined since the transfer");
        assertNull(entries.get(1).getOffsetDateTime("transferred_at"), "not transferred since");
    }

    /** The real consumer's projection, handing on to this test instead of the sockets. */
    private ConversationEventConsumer consumer() {
        return new ConversationEventConsumer(pool, conversations, supervision, new CommittedEvents() {
            @Override
            public void conversationEvent(ConversationEvent event, Set<String> agentIds) {
                handedOn.add(event.conversationId() + " " + event.seq() + " " + agentIds);
            }

            @Override
            public void conversationCommandRejected(ConversationEvent.CommandRejected rejected) {
                handedOn.add("rejected " + rejected.commandId());
            }

            @Override
            public void routingEvent(RoutingEvent event) {
            }
        }, untilDecided, erasures, tracer);
    }

    private static ConversationEvent rejected(Chat chat) {
        return new ConversationEvent.CommandRejected(id(), chat.id, null, Instant.now(), "command", SenderType.AGENT,
                "someone", RejectionCode.INVALID_MESSAGE, "Refused by the test");
    }

    private static ConsumerRecords<String, ConversationEvent> records(List<ConversationEvent> events) {
        List<ConsumerRecord<String, ConversationEvent>> records = new ArrayList<>();
        for (ConversationEvent event : events) {
            records.add(new ConsumerRecord<>(Topics.CONVERSATION_EVENTS, 0, records.size(), event.conversationId(),
                    event));
        }
        return new ConsumerRecords<>(Map.of(new TopicPartition(Topics.CONVERSATION_EVENTS, 0), records));
    }

    private String summary(Chat chat) {
        Row row = one("select state, state_seq, last_seq from conversation_summary where conversation_id = $1",
                Tuple.of(chat.id));
        return row.getString("state") + " " + row.getLong("state_seq") + " " + row.getLong("last_seq");
    }

    private String participation(Chat chat, String agentId) {
        Row row = one("select participant_state, state_seq from conversation_access"
                + " where conversation_id = $1 and agent_id = $2", Tuple.of(chat.id, agentId));
        return row.getString("participant_state") + " " + row.getLong("state_seq");
    }

    private long eventsLogged(Chat chat) {
        return one("select count(*) as n from conversation_event where conversation_id = $1", Tuple.of(chat.id))
                .getLong("n");
    }

    private List<Row> queueEntries(Chat chat) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("select * from supervision_queue_entry where conversation_id = $1 order by entry_seq")
                .execute(Tuple.of(chat.id)).await().atMost(Duration.ofSeconds(10)).forEach(rows::add);
        return rows;
    }

    private Row one(String sql, Tuple arguments) {
        return pool.preparedQuery(sql).execute(arguments).await().atMost(Duration.ofSeconds(10)).iterator().next();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    /** One conversation's events, numbered as the conversation service numbers them. */
    private static final class Chat {

        final String id = id();
        private long seq;

        ConversationEvent started() {
            return new ConversationEvent.ConversationStarted(id(), id, ++seq, Instant.now(), "q-support", "Support",
                    new Customer("Customer", null, null), Map.of(), false);
        }

        ConversationEvent queued(QueueReason reason) {
            return new ConversationEvent.ConversationQueued(id(), id, ++seq, Instant.now(), "q-support", "Support",
                    "Customer", false, Instant.now(), reason);
        }

        ConversationEvent state(ConversationState from, ConversationState to) {
            return new ConversationEvent.ConversationStateChanged(id(), id, ++seq, Instant.now(), from, to, "TEST");
        }

        ConversationEvent participant(String agentId, ParticipantState from, ParticipantState to) {
            return new ConversationEvent.ParticipantStateChanged(id(), id, ++seq, Instant.now(), agentId, agentId,
                    from, to, "TEST");
        }

        ConversationEvent customerSays() {
            return new ConversationEvent.MessagePosted(id(), id, ++seq, Instant.now(), id(), SenderType.CUSTOMER, null,
                    "Customer", Audience.EVERYONE, "Hello");
        }
    }
}
