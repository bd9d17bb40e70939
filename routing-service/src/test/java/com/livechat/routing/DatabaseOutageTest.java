package com.livechat.routing;

import com.livechat.routing.support.Inputs;
import com.livechat.routing.support.RoutingTestBase;
import com.livechat.routing.support.TopicRecorder;
import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.RoutingEvent.AgentStateChanged;
import com.livechat.contracts.events.RoutingEvent.ChatOffered;
import com.livechat.contracts.events.Topics;
import com.livechat.testsupport.DatabaseOutage;
import com.livechat.testsupport.EmbeddedKafka;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database restart must not lose, park or double anything: inputs that arrive while PostgreSQL refuses connections
 * wait on their partitions and are each decided exactly once when it is back.
 */
@QuarkusTest
class DatabaseOutageTest extends RoutingTestBase {

    /** Longer than any bounded retry budget the consumers ever had (under 1 s per input): they must wait. */
    private static final long OUTAGE_MILLIS = 8_000;

    @Inject
    AgroalDataSource database;

    @Test
    void inputsSentDuringAnOutageAreDecidedOnceWhenTheDatabaseIsBack() throws Exception {
        String queue = Inputs.id("q");
        String available = Inputs.id("a");
        String joining = Inputs.id("a");
        putQueue(queue, 300);
        putAgent(available, 3, queue);
        putAgent(joining, 3, queue);
        changeState(available, AgentState.AVAILABLE);
        List<ConversationEvent.ConversationQueued> queued = IntStream.range(0, 4)
                .mapToObj(i -> Inputs.queued(Inputs.id("c"), queue, Instant.now())).toList();
        var joins = Inputs.state(joining, AgentState.AVAILABLE);

        try (TopicRecorder<String> deadLetters = new TopicRecorder<>(EmbeddedKafka.bootstrapServers(),
                Topics.ROUTING_DEAD_LETTER, new StringDeserializer(), null)) {
            try (DatabaseOutage ignored = DatabaseOutage.begin("livechat_routing_test")) {
                queued.forEach(inputs()::send);
                inputs().send(joins);

                Thread.sleep(OUTAGE_MILLIS);
                // The outage was real: nothing sent meanwhile could be decided.
                assertTrue(queued.stream().allMatch(chat -> offers(chat.conversationId()).isEmpty()),
                        "offered during the outage");
                assertTrue(becameAvailable(joining).isEmpty(), "state changed during the outage");
            } finally {
                // The tests' own JDBC pool lost its connections too.
                database.flush(AgroalDataSource.FlushMode.ALL);
            }

            queued.forEach(chat -> awaitOffer(chat.conversationId()));
            awaitEvent(AgentStateChanged.class, e -> e.agentId().equals(joining) && e.state() == AgentState.AVAILABLE);

            for (ConversationEvent.ConversationQueued chat : queued) {
                assertEquals(1, offers(chat.conversationId()).stream().map(ChatOffered::offerId).distinct().count(),
                        "one offer for " + chat.conversationId());
                assertEquals(1, count("select count(*) from offer where conversation_id = ?", chat.conversationId()));
                assertEquals(1, count("select count(*) from processed_event where event_id = ?", chat.eventId()));
            }
            assertEquals(1, becameAvailable(joining).size());
            assertEquals(1, count("select count(*) from processed_event where event_id = ?", joins.commandId()));
            assertTrue(deadLetters.all().isEmpty(), "parked: " + deadLetters.all());
        }
    }

    private static List<AgentStateChanged> becameAvailable(String agentId) {
        return recorder().events(AgentStateChanged.class,
                e -> e.agentId().equals(agentId) && e.state() == AgentState.AVAILABLE);
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
