package com.livechat.conversation;

import com.livechat.contracts.events.ConversationState;
import com.livechat.conversation.support.ConversationHarness;
import com.livechat.conversation.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import static com.livechat.conversation.support.ConversationHarness.newId;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The scheduled retention purge (docs/privacy.md), on the real database: a transcript closed longer ago than
 * {@code transcript-days} (365 by default) is deleted with everything about it; a recent one stays.
 */
@QuarkusTest
class RetentionPurgeTest {

    private final ConversationHarness harness = ConversationHarness.get();

    @Test
    void aTranscriptClosedLongerAgoThanItsRetentionIsDeletedWithEverythingAboutIt() {
        String old = closedChat();
        String recent = closedChat();
        Database.update("update conversation set closed_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(366))), old);

        await().atMost(ConversationHarness.TIMEOUT).until(() ->
                Database.count("select count(*) from conversation where id = ?", old) == 0);
        for (String table : new String[] {"chat_message", "cad_variable", "participation", "wrap_up", "survey",
                "read_position"}) {
            assertEquals(0, Database.count("select count(*) from " + table + " where conversation_id = ?", old),
                    table);
        }
        assertEquals(1, Database.count("select count(*) from conversation where id = ?", recent));
        assertEquals(true, Database.count("select count(*) from cad_variable where conversation_id = ?", recent) > 0);
        assertEquals(true, Database.count("select count(*) from chat_message where conversation_id = ?", recent) > 0);
    }

    private String closedChat() {
        String id = newId();
        harness.start(id, "support");
        harness.customerSays(id, "c-1", "hello");
        harness.awaitMessage(id, "c-1");
        harness.customerEnds(id);
        harness.awaitState(id, ConversationState.CLOSED);
        return id;
    }
}
