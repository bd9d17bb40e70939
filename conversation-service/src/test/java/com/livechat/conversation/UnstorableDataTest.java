package com.livechat.conversation;

import com.livechat.conversation.support.ConversationHarness;
import com.livechat.conversation.support.Database;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.Customer;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.SenderType;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static com.livechat.conversation.support.ConversationHarness.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Data PostgreSQL refuses (a NUL character: SQLState 22021) is the record's fault, not an outage: the command is
 * refused at once with a {@code CommandRejected}, and what follows on the same partition goes on.
 */
@QuarkusTest
class UnstorableDataTest {

    private final ConversationHarness harness = ConversationHarness.get();

    @Test
    void aNulCharacterInTheCustomerNameIsRefusedAndTheChatCanStartAfterwards() {
        String conversationId = newId();
        ConversationCommand.StartConversation poisoned = start(conversationId,
                new Customer("Mel\u0000issa", null, null), Map.of());

        assertRefusedAndNothingStored(poisoned);
        // Same key, same partition: the partition was not blocked, and the refused start left nothing behind.
        start(conversationId, new Customer("Melissa", null, null), Map.of());
        harness.awaitEvent(conversationId, ConversationEvent.ConversationQueued.class, queued -> true);
    }

    @Test
    void aNulCharacterInAnAttributeIsRefused() {
        String conversationId = newId();
        assertRefusedAndNothingStored(start(conversationId, new Customer("Melissa", null, null),
                Map.of("orderId", "A-\u000042")));
    }

    @Test
    void aRoutingEventThatCannotBeStoredIsSkippedWithoutStoppingTheChannel() {
        String conversationId = newId();
        harness.start(conversationId, "support");
        RoutingEvent.ChatOffered poisoned = new RoutingEvent.ChatOffered(newId(), Instant.now(), newId(),
                conversationId, OfferKind.QUEUE, "alice", "Ali\u0000ce", "q", "Queue q", "Melissa", false,
                Instant.now(), Instant.now().plusSeconds(30), null, null, null);
        harness.send(poisoned);
        harness.connect(conversationId, "bob");

        assertEquals(0, Database.count("select count(*) from participation where conversation_id = ? "
                + "and agent_id = 'alice'", conversationId));
        assertTrue(harness.events(conversationId, ConversationEvent.ParticipantStateChanged.class).stream()
                .noneMatch(changed -> changed.agentId().equals("alice")));
        assertTrue(harness.events(conversationId, ConversationEvent.ParticipantStateChanged.class).stream()
                .anyMatch(changed -> changed.agentId().equals("bob") && changed.to() == ParticipantState.ACTIVE));
    }

    private ConversationCommand.StartConversation start(String conversationId, Customer customer,
            Map<String, String> attributes) {
        ConversationCommand.StartConversation start = new ConversationCommand.StartConversation(newId(),
                conversationId, Instant.now(), "support", "Support", customer, attributes, false);
        harness.send(start);
        return start;
    }

    private void assertRefusedAndNothingStored(ConversationCommand.StartConversation poisoned) {
        ConversationEvent.CommandRejected rejected = harness.awaitRejection(poisoned);
        assertEquals(RejectionCode.INVALID_COMMAND, rejected.code());
        assertEquals(SenderType.CUSTOMER, rejected.issuer());
        assertTrue(rejected.reason().contains("cannot be stored"), rejected.reason());
        assertEquals(0, Database.count("select count(*) from conversation where id = ?", poisoned.conversationId()));
        assertEquals(1, Database.count("select count(*) from processed_event where event_id = ?",
                "command:" + poisoned.commandId()), "the refusal is recorded, so a redelivery is not retried");
    }
}
