package com.livechat.conversation;

import com.livechat.conversation.support.ConversationHarness;
import com.livechat.conversation.support.Database;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.RoutingEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.livechat.conversation.support.ConversationHarness.newId;
import static com.livechat.testsupport.auth.AdminRequests.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Kafka delivers at least once: replaying every input of a conversation must change nothing. */
@QuarkusTest
class ReplayTest {

    private final ConversationHarness harness = ConversationHarness.get();

    @Test
    void replayingEveryCommandAndRoutingEventChangesNothing() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("label", "Resolved"))
                .put("/admin/wrap-up-reasons/RESOLVED").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String id = newId();
        List<ConversationCommand> commands = new ArrayList<>();
        List<RoutingEvent> routing = new ArrayList<>();
        commands.add(harness.start(id, "support"));
        RoutingEvent.ChatOffered offer = harness.offer(id, "alice", OfferKind.QUEUE, null);
        routing.add(offer);
        routing.add(harness.accept(offer));
        harness.awaitState(id, ConversationState.CONNECTED);
        commands.add(harness.customerSays(id, "r-1", "hello"));
        commands.add(harness.agentSays(id, "alice", "r-2", "hi, how can I help?"));
        commands.add(harness.agentSays(id, "alice", "r-3", "bad <input>"));
        commands.add(harness.customerEnds(id));
        harness.awaitState(id, ConversationState.CUSTOMER_ENDED);
        commands.add(harness.agentEnds(id, "alice"));
        commands.add(harness.wrapUp(id, "alice", "RESOLVED", "done"));
        harness.awaitState(id, ConversationState.CLOSED);
        harness.awaitRejection(commands.get(3));

        int eventsBefore = harness.events(id).size();
        Map<String, Object> rowsBefore = rowCounts(id);

        commands.forEach(harness::send);
        routing.forEach(harness::send);
        // A fresh command and a fresh routing event after the replay, each on the same key (same partition) as the
        // records replayed on its topic: once both are consumed, every replayed record before them has been too.
        ConversationCommand.PostMessage sentinel = harness.customerSays(id, "after-replay", "late");
        harness.awaitRejection(sentinel);
        // A queue time-out for a closed chat changes nothing; its id in the inbox shows it was consumed.
        RoutingEvent.QueueTimedOut routingSentinel = new RoutingEvent.QueueTimedOut(newId(), Instant.now(), id,
                "support");
        harness.send(routingSentinel);
        await().atMost(ConversationHarness.TIMEOUT).until(() -> Database.count(
                "select count(*) from processed_event where event_id = ?", "routing:" + routingSentinel.eventId()) == 1);

        assertEquals(eventsBefore + 1, harness.events(id).size(), "only the sentinel's rejection was published");
        assertEquals(rowsBefore, rowCounts(id));
        LifecycleTest.assertSeqsAreGapless(id);
    }

    private static Map<String, Object> rowCounts(String id) {
        return Database.query("select "
                + "(select last_seq from conversation where id = ?) as last_seq, "
                + "(select state from conversation where id = ?) as state, "
                + "(select count(*) from chat_message where conversation_id = ?) as messages, "
                + "(select count(*) from participation where conversation_id = ?) as participations, "
                + "(select count(*) from wrap_up where conversation_id = ?) as wrap_ups, "
                + "(select count(*) from cad_variable where conversation_id = ?) as cad", id, id, id, id, id, id)
                .get(0);
    }
}
