package com.livechat.conversation;

import com.livechat.conversation.support.ConversationHarness;
import com.livechat.conversation.support.Database;
import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.SenderType;
import com.livechat.contracts.events.Topics;
import com.livechat.contracts.json.EventJson;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static com.livechat.conversation.support.ConversationHarness.newId;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The outbox relay against the real broker: a row the broker can never take must not block the rows behind it, nor be
 * lost.
 */
@QuarkusTest
class OutboxRelayTest {

    /** Larger than the producer's max.request.size (1 MiB): refused for good with RecordTooLargeException. */
    private static final int TOO_LARGE = 1_100_000;

    private final ConversationHarness harness = ConversationHarness.get();

    @Test
    void aRowTheBrokerRefusesForGoodIsSetAsideAndTheRowsAfterItArePublishedInOrder() throws SQLException {
        String conversationId = newId();
        ConversationEvent.MessagePosted before = posted(conversationId, 1, "before");
        ConversationEvent.MessagePosted after = posted(conversationId, 3, "after");
        try (Connection connection = Database.connect()) {
            connection.setAutoCommit(false);
            insert(connection, EventJson.write(before), conversationId);
            insert(connection, "{\"type\":\"MessagePosted\",\"text\":\"" + "x".repeat(TOO_LARGE) + "\"}",
                    conversationId);
            insert(connection, EventJson.write(after), conversationId);
            connection.commit();
        }

        harness.awaitMessage(conversationId, "after");
        await().atMost(ConversationHarness.TIMEOUT).until(() ->
                Database.count("select count(*) from outbox where record_key = ?", conversationId) == 0);
        List<String> published = harness.events(conversationId, ConversationEvent.MessagePosted.class).stream()
                .map(ConversationEvent.MessagePosted::messageId).distinct().toList();
        assertEquals(List.of("before", "after"), published);
        // Set aside whole, with the reason, for an operator: not lost.
        assertEquals(1, Database.count("select count(*) from outbox_unpublishable where record_key = ?"
                + " and length(payload) > " + TOO_LARGE + " and failure like '%RecordTooLargeException%'", conversationId));
    }

    private static ConversationEvent.MessagePosted posted(String conversationId, long seq, String messageId) {
        return new ConversationEvent.MessagePosted(newId(), conversationId, seq, Instant.now(), messageId,
                SenderType.CUSTOMER, null, "Melissa", Audience.EVERYONE, "text of " + messageId);
    }

    private static void insert(Connection connection, String payload, String key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into outbox (topic, record_key, payload, created_at) values (?, ?, ?, now())")) {
            insert.setString(1, Topics.CONVERSATION_EVENTS);
            insert.setString(2, key);
            insert.setString(3, payload);
            insert.executeUpdate();
        }
    }
}
