package com.livechat.conversation.domain;

import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.Customer;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.QueueReason;
import com.livechat.contracts.events.TransferTargetType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A message left with the widget's message form (issue 14) is a left message for good: every ConversationQueued
 * says so, so that routing never ends it at the queue's maximum wait. A live chat says it is not.
 */
class LeftMessageTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private final ConversationCommands commands = new ConversationCommands(2);

    @Test
    void aChatStartedAsALeftMessageIsQueuedAsOneAndStaysOneWhenTransferredToAQueue() {
        ConversationTimeline start = commands.start(start("c-1", Map.of("offlineMessage", "true")), T0);

        ConversationEvent.ConversationQueued queued = only(start, ConversationEvent.ConversationQueued.class);
        assertEquals(Boolean.TRUE, queued.leftMessage());
        assertEquals(QueueReason.NEW, queued.reason());
        Conversation conversation = start.conversation();
        assertTrue(conversation.leftMessage());

        ConversationTimeline offered = new ConversationTimeline(conversation, start.participations(), T0);
        Participation alice = offered.offer("o-1", "alice", "Alice", OfferKind.QUEUE, null);
        offered.moveTo(ConversationState.OFFERED, "offered");
        offered.moveTo(ConversationState.CONNECTED, "assigned");
        offered.moveParticipant(alice, ParticipantState.ACTIVE, "accepted");
        ConversationTimeline transfer = new ConversationTimeline(conversation, offered.participations(), T0);
        commands.requestTransfer(transfer, new ConversationCommand.RequestTransfer("t", conversation.id(), T0, "alice",
                TransferTargetType.QUEUE, "billing", "Billing"));

        ConversationEvent.ConversationQueued requeued = only(transfer, ConversationEvent.ConversationQueued.class);
        assertEquals(QueueReason.TRANSFER, requeued.reason());
        assertEquals(Boolean.TRUE, requeued.leftMessage(), "still a left message in the next queue");
    }

    @Test
    void aLiveChatIsNotALeftMessageWhateverItsOtherAttributes() {
        ConversationTimeline live = commands.start(start("c-2", Map.of("pageUrl", "https://shop.example/cart")), T0);
        assertEquals(null, only(live, ConversationEvent.ConversationQueued.class).leftMessage(), "left out");
        assertFalse(live.conversation().leftMessage());

        ConversationTimeline notTrue = commands.start(start("c-3", Map.of("offlineMessage", "false")), T0);
        assertEquals(null, only(notTrue, ConversationEvent.ConversationQueued.class).leftMessage());
    }

    private static ConversationCommand.StartConversation start(String id, Map<String, String> attributes) {
        return new ConversationCommand.StartConversation("s-" + id, id, T0, "support", "Support",
                new Customer("Jean Dupont", "jean@example.com", null), attributes, false);
    }

    private static <T> T only(ConversationTimeline timeline, Class<T> type) {
        List<T> found = timeline.events().stream().filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, found.size(), "events: " + timeline.events());
        return found.get(0);
    }
}
