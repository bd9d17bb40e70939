package com.livechat.conversation;

import com.livechat.conversation.support.ConversationHarness;
import com.livechat.conversation.support.Database;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.Customer;
import com.livechat.contracts.events.OfferKind;
import com.livechat.testsupport.DatabaseOutage;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.livechat.conversation.support.ConversationHarness.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database restart must not lose or double anything already accepted: commands and routing events that arrive
 * while PostgreSQL refuses connections wait, and are each processed exactly once when it is back.
 */
@QuarkusTest
class DatabaseOutageTest {

    /** Longer than any bounded retry budget the consumers ever had (about 3 s): they must wait, not give up. */
    private static final long OUTAGE_MILLIS = 8_000;
    private static final int MESSAGES_PER_SIDE = 10;

    private final ConversationHarness harness = ConversationHarness.get();

    @Inject
    AgroalDataSource jdbcPool;

    @Test
    void everythingSentDuringAnOutageIsProcessedOnceWhenTheDatabaseIsBack() throws InterruptedException {
        String connected = newId();
        harness.start(connected, "support");
        harness.connect(connected, "alice");
        String queued = newId();
        harness.start(queued, "support");
        String startedDuringOutage = newId();
        List<String> messageIds = new ArrayList<>();

        try (DatabaseOutage ignored = DatabaseOutage.begin("livechat_conversation_test")) {
            for (int i = 1; i <= MESSAGES_PER_SIDE; i++) {
                harness.customerSays(connected, "outage-c-" + i, "customer line " + i);
                harness.agentSays(connected, "alice", "outage-a-" + i, "agent line " + i);
                messageIds.add("outage-c-" + i);
                messageIds.add("outage-a-" + i);
            }
            harness.send(new ConversationCommand.StartConversation(newId(), startedDuringOutage, Instant.now(),
                    "support", "Support", new Customer("Noor", null, null), Map.of(), false));
            harness.accept(harness.offer(queued, "bob", OfferKind.QUEUE, null));

            Thread.sleep(OUTAGE_MILLIS);
            // The outage was real: nothing sent meanwhile could be decided.
            assertTrue(harness.events(connected, ConversationEvent.MessagePosted.class).stream()
                    .noneMatch(posted -> messageIds.contains(posted.messageId())), "processed during the outage");
            assertTrue(harness.events(startedDuringOutage).isEmpty(), "started during the outage");
        } finally {
            // The JDBC pool (Flyway, the readiness check) lost its connections too: do not leave dead ones behind.
            jdbcPool.flush(AgroalDataSource.FlushMode.ALL);
        }

        messageIds.forEach(id -> harness.awaitMessage(connected, id));
        harness.awaitEvent(startedDuringOutage, ConversationEvent.ConversationQueued.class, queuedEvent -> true);
        harness.awaitState(queued, ConversationState.CONNECTED);
        // Same key, same partition, sent last: once it is in, every record sent before it has been consumed.
        harness.customerSays(connected, "after-outage", "still there?");
        harness.awaitMessage(connected, "after-outage");

        for (String id : messageIds) {
            assertEquals(1, Database.count("select count(*) from chat_message where conversation_id = ? "
                    + "and message_id = ?", connected, id), id + " stored once");
            assertEquals(1, harness.events(connected, ConversationEvent.MessagePosted.class).stream()
                    .filter(posted -> posted.messageId().equals(id)).map(ConversationEvent::eventId).distinct()
                    .count(), id + " published once (duplicates of one event id are dropped by consumers)");
        }
        assertEquals(1, Database.count("select count(*) from conversation where id = ?", startedDuringOutage));
        assertTrue(harness.events(connected, ConversationEvent.CommandRejected.class).isEmpty(),
                "nothing refused: " + harness.events(connected, ConversationEvent.CommandRejected.class));
        assertTrue(harness.events(startedDuringOutage, ConversationEvent.CommandRejected.class).isEmpty());
        assertOrderedWithoutGaps(connected);
    }

    /** Each event of the conversation numbered once, 1, 2, 3... in the order they were published. */
    private void assertOrderedWithoutGaps(String conversationId) {
        Map<String, Long> seqByEvent = new LinkedHashMap<>();
        harness.events(conversationId).stream().filter(event -> event.seq() != null)
                .forEach(event -> seqByEvent.putIfAbsent(event.eventId(), event.seq()));
        List<Long> seqs = new ArrayList<>(seqByEvent.values());
        for (int i = 0; i < seqs.size(); i++) {
            assertEquals(i + 1L, seqs.get(i), "seq of event " + (i + 1) + " in " + seqs);
        }
        Set<Long> distinct = seqs.stream().collect(Collectors.toSet());
        assertEquals(seqs.size(), distinct.size());
    }
}
