package com.livechat.conversation;

import com.livechat.conversation.support.Database;
import com.livechat.platform.outbox.InboxPruner;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inbox forgets event ids older than the topics keep records, and only those. */
@QuarkusTest
class InboxPruningTest {

    @Inject
    Pool pool;

    @Test
    void idsOlderThanTheRetentionAreDeletedAndRecentOnesKept() {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        Database.update("insert into processed_event (event_id, processed_at) values (?, now() - interval '9 days')", old);
        Database.update("insert into processed_event (event_id, processed_at) values (?, now() - interval '1 day')", recent);

        int deleted = new InboxPruner(pool, InboxPruner.DEFAULT_KEEP).pruneNow().await().atMost(Duration.ofSeconds(10));

        assertTrue(deleted >= 1, "deleted " + deleted);
        assertEquals(0, Database.count("select count(*) from processed_event where event_id = ?", old));
        assertEquals(1, Database.count("select count(*) from processed_event where event_id = ?", recent));
    }
}
