package com.livechat.gateway;

import com.livechat.contracts.events.ConversationState;
import com.livechat.gateway.retention.RetentionPurge;
import com.livechat.gateway.support.Fixtures;
import com.livechat.gateway.support.Scenario;
import com.livechat.gateway.support.TestSocket;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The gateway's retention purge (docs/privacy.md), on the real database: the projections of a conversation closed
 * longer ago than 365 days go, with audit rows older than 730 days; recent ones stay.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class RetentionPurgeTest {

    @Inject
    RetentionPurge purge;

    @Test
    void expiredProjectionsAndAuditRowsAreDeletedAndRecentOnesStay() throws Exception {
        Fixtures.referenceData();
        Scenario old = closed();
        Scenario recent = closed();
        await().atMost(TestSocket.WAIT).until(() -> count("select count(*) from conversation_summary where "
                + "conversation_id in (?, ?) and state = 'CLOSED'", old.conversationId, recent.conversationId) == 2);
        Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(800)));
        update("update conversation_summary set last_activity_at = ? where conversation_id = ?", longAgo,
                old.conversationId);
        update("insert into supervision_audit (supervisor_id, action, conversation_id, at) values "
                + "('sup', 'MONITOR', ?, ?), ('sup', 'MONITOR', ?, now())", old.conversationId, longAgo,
                recent.conversationId);
        update("insert into erasure (erasure_id, conversation_id, requested_by, requested_at) values "
                + "(?, ?, 'admin', ?)", "old-" + old.conversationId, old.conversationId, longAgo);

        purge.purge(Instant.now()).await().indefinitely();

        for (String table : new String[] {"conversation_summary", "conversation_event", "conversation_access",
                "supervision_queue_entry", "supervision_audit", "erasure"}) {
            assertEquals(0, count("select count(*) from " + table + " where conversation_id = ?", old.conversationId),
                    table);
        }
        assertEquals(1, count("select count(*) from conversation_summary where conversation_id = ?",
                recent.conversationId));
        assertEquals(1, count("select count(*) from supervision_audit where conversation_id = ?",
                recent.conversationId));
        assertEquals(true, count("select count(*) from conversation_event where conversation_id = ?",
                recent.conversationId) > 0);
    }

    private static Scenario closed() {
        Scenario chat = Scenario.newConversation(Fixtures.QUEUE);
        chat.started("Old Customer").queued();
        chat.state(ConversationState.QUEUED, ConversationState.ABANDONED, "CUSTOMER_LEFT");
        chat.state(ConversationState.ABANDONED, ConversationState.CLOSED, "SETTLED");
        return chat;
    }

    private static Connection connect() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    private static long count(String sql, Object... parameters) throws Exception {
        try (Connection db = connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void update(String sql, Object... parameters) throws Exception {
        try (Connection db = connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
