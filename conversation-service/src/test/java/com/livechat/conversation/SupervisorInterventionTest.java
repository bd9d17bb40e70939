package com.livechat.conversation;

import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.SenderType;
import com.livechat.conversation.domain.SystemMessages;
import com.livechat.conversation.support.ConversationHarness;
import com.livechat.conversation.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static com.livechat.conversation.TransferTest.assertAgentState;
import static com.livechat.conversation.support.ConversationHarness.newId;
import static com.livechat.testsupport.auth.AdminRequests.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Barge-in and take-over (issue 15) through the real broker and database. */
@QuarkusTest
class SupervisorInterventionTest {

    private final ConversationHarness harness = ConversationHarness.get();
    private String id;

    @BeforeEach
    void connectedChat() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("label", "Resolved"))
                .put("/admin/wrap-up-reasons/RESOLVED").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        id = newId();
        harness.start(id, "supervision-" + newId());
        harness.connect(id, "alice");
    }

    @Test
    void aSupervisorBargesInWritesThenTakesOverAndTheAgentWrapsUp() {
        harness.send(new ConversationCommand.BargeIn(newId(), id, Instant.now(), "sam", "Sam Supervisor"));
        harness.awaitEvent(id, ConversationEvent.ParticipantStateChanged.class, c -> c.agentId().equals("sam")
                && c.from() == null && c.to() == ParticipantState.CONFERENCE);
        assertEquals(Audience.EVERYONE,
                harness.awaitSystemMessage(id, SystemMessages.joined("Sam Supervisor")).audience());
        // Idempotent: a second barge-in adds nothing.
        harness.send(new ConversationCommand.BargeIn(newId(), id, Instant.now(), "sam", "Sam Supervisor"));

        harness.agentSays(id, "sam", "sam-1", "Hello, I am the supervisor");
        assertEquals("Sam Supervisor", harness.awaitMessage(id, "sam-1").senderName());

        harness.send(new ConversationCommand.TakeOver(newId(), id, Instant.now(), "sam", "Sam Supervisor"));
        assertAgentState(id, "alice", ParticipantState.WRAP_UP);
        harness.awaitEvent(id, ConversationEvent.ParticipantStateChanged.class, c -> c.agentId().equals("sam")
                && c.from() == ParticipantState.CONFERENCE && c.to() == ParticipantState.ACTIVE);
        assertEquals(Audience.AGENTS,
                harness.awaitSystemMessage(id, SystemMessages.takenOver("Sam Supervisor")).audience());
        assertEquals(1, harness.events(id, ConversationEvent.MessagePosted.class).stream()
                .filter(m -> m.text().equals(SystemMessages.joined("Sam Supervisor"))).count());
        assertEquals(ConversationState.CONNECTED, harness.currentState(id));

        harness.wrapUp(id, "alice", "RESOLVED", null);
        harness.agentEnds(id, "sam");
        assertAgentState(id, "sam", ParticipantState.DONE);
        harness.awaitState(id, ConversationState.CLOSED);
        // The agent who was taken over records the wrap-up; the supervisor records none.
        assertEquals(java.util.List.of("alice"), Database.query(
                "select agent_id from wrap_up where conversation_id = ?", id).stream()
                .map(row -> row.get("agent_id")).toList());
        assertEquals(1L, Database.count(
                "select count(*) from participation where conversation_id = ? and agent_id = 'sam' and supervisor",
                id));
    }

    @Test
    void aChatThatIsNotLiveIsRefusedWithAClearCode() {
        String queued = newId();
        harness.start(queued, "supervision-" + newId());
        harness.awaitState(queued, ConversationState.QUEUED);
        var barge = new ConversationCommand.BargeIn(newId(), queued, Instant.now(), "sam", "Sam");
        harness.send(barge);
        ConversationEvent.CommandRejected rejected = harness.awaitRejection(barge);
        assertEquals(RejectionCode.ILLEGAL_STATE, rejected.code());
        assertEquals(SenderType.AGENT, rejected.issuer());
        assertEquals("sam", rejected.agentId());

        var takeOver = new ConversationCommand.TakeOver(newId(), newId(), Instant.now(), "sam", "Sam");
        harness.send(takeOver);
        assertEquals(RejectionCode.UNKNOWN_CONVERSATION, harness.awaitRejection(takeOver).code());
    }
}
