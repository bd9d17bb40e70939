package com.livechat.conversation;

import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.SenderType;
import com.livechat.conversation.support.ConversationHarness;
import com.livechat.conversation.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.livechat.conversation.support.ConversationHarness.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Read receipts on the real broker and database: stored per participant, forward only, checked against the seq. */
@QuarkusTest
class ReadReceiptTest {

    private final ConversationHarness harness = ConversationHarness.get();

    @Test
    void receiptsAreStoredPerParticipantAndOnlyMoveForward() {
        String id = newId();
        harness.start(id, "support");
        harness.connect(id, "alice");
        harness.customerSays(id, "c1", "Hello");
        long customerMessage = harness.awaitMessage(id, "c1").seq();
        harness.agentSays(id, "alice", "a1", "Hi, how can I help?");
        long agentMessage = harness.awaitMessage(id, "a1").seq();

        markRead(id, SenderType.AGENT, "alice", customerMessage);
        ConversationEvent.MessagesRead agentRead = harness.awaitEvent(id, ConversationEvent.MessagesRead.class,
                e -> e.readerType() == SenderType.AGENT);
        assertEquals("alice", agentRead.agentId());
        assertEquals(customerMessage, agentRead.upToSeq());

        markRead(id, SenderType.CUSTOMER, null, agentMessage);
        ConversationEvent.MessagesRead customerRead = harness.awaitEvent(id, ConversationEvent.MessagesRead.class,
                e -> e.readerType() == SenderType.CUSTOMER);
        assertNull(customerRead.agentId());
        assertEquals(agentMessage, customerRead.upToSeq());

        // Backwards or the same again: nothing (no event, no refusal). A seq that does not exist yet: refused.
        markRead(id, SenderType.CUSTOMER, null, customerMessage);
        markRead(id, SenderType.CUSTOMER, null, agentMessage);
        var beyond = markRead(id, SenderType.CUSTOMER, null, 10_000);
        ConversationEvent.CommandRejected refused = harness.awaitRejection(beyond);
        assertEquals(RejectionCode.INVALID_COMMAND, refused.code());
        assertEquals(SenderType.CUSTOMER, refused.issuer());
        var bob = markRead(id, SenderType.AGENT, "bob", customerMessage);
        assertEquals(RejectionCode.NOT_A_PARTICIPANT, harness.awaitRejection(bob).code());

        // The receipts were processed in order (same key, same partition): a later forward one still counts once.
        harness.customerSays(id, "c2", "My card is blocked");
        long second = harness.awaitMessage(id, "c2").seq();
        markRead(id, SenderType.AGENT, "alice", second);
        harness.awaitEvent(id, ConversationEvent.MessagesRead.class,
                e -> e.readerType() == SenderType.AGENT && e.upToSeq() == second);

        List<ConversationEvent.MessagesRead> reads = harness.events(id, ConversationEvent.MessagesRead.class);
        assertEquals(List.of(customerMessage, agentMessage, second),
                reads.stream().map(ConversationEvent.MessagesRead::upToSeq).toList());
        assertEquals(second, Database.count(
                "select last_read_seq from read_position where conversation_id = ? and reader_key = 'agent:alice'", id));
        assertEquals(agentMessage, Database.count(
                "select last_read_seq from read_position where conversation_id = ? and reader_key = 'customer'", id));
        LifecycleTest.assertSeqsAreGapless(id);
    }

    private ConversationCommand.MarkRead markRead(String conversationId, SenderType readerType, String agentId,
            long upToSeq) {
        var command = new ConversationCommand.MarkRead(newId(), conversationId, Instant.now(), readerType, agentId,
                upToSeq);
        harness.send(command);
        return command;
    }
}
