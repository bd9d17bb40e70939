package com.livechat.conversation;

import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.Customer;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.SenderType;
import com.livechat.contracts.events.Topics;
import com.livechat.conversation.domain.CustomerErasure;
import com.livechat.conversation.support.ConversationHarness;
import com.livechat.conversation.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.livechat.conversation.support.ConversationHarness.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A poll is executed in one transaction, yet each record keeps its own outcome: a command the core refuses, or one
 * whose data PostgreSQL refuses, is refused alone, and the records around it are applied once each, in order.
 */
@QuarkusTest
class PollTransactionTest {

    private final ConversationHarness harness = ConversationHarness.get();

    @Test
    void aRefusedCommandAndUnstorableDataInAPollLeaveTheOtherCommandsApplied() {
        String chat = newId();
        harness.start(chat, "support");
        harness.connect(chat, "alice");
        String poisonedChat = newId();
        String laterChat = newId();
        ConversationCommand.PostMessage first = post(chat, SenderType.CUSTOMER, null, "m-1", "first");
        ConversationCommand.PostMessage intruder = post(chat, SenderType.AGENT, "mallory", "m-x", "not mine");
        ConversationCommand.PostMessage second = post(chat, SenderType.CUSTOMER, null, "m-2", "second");
        ConversationCommand.StartConversation poisoned = start(poisonedChat, new Customer("Mel\u0000issa", null, null));
        ConversationCommand.PostMessage third = post(chat, SenderType.AGENT, "alice", "m-3", "third");
        ConversationCommand.StartConversation later = start(laterChat, new Customer("Paul", null, null));

        harness.sendInOnePoll(Topics.CONVERSATION_COMMANDS,
                List.of(first, intruder, second, poisoned, third, first, later));

        harness.awaitEvent(laterChat, ConversationEvent.ConversationQueued.class, queued -> true);
        harness.awaitMessage(chat, "m-3");
        assertEquals(RejectionCode.NOT_A_PARTICIPANT, harness.awaitRejection(intruder).code());
        assertEquals(RejectionCode.INVALID_COMMAND, harness.awaitRejection(poisoned).code());
        assertEquals(0, Database.count("select count(*) from conversation where id = ?", poisonedChat));
        List<ConversationEvent.MessagePosted> messages = harness.events(chat, ConversationEvent.MessagePosted.class)
                .stream().filter(posted -> posted.senderType() != SenderType.SYSTEM).toList();
        assertEquals(List.of("m-1", "m-2", "m-3"), messages.stream().map(ConversationEvent.MessagePosted::messageId)
                .toList(), "each message once (the resent first one too), in the order sent");
        assertEquals(3, Database.count("select count(*) from chat_message where conversation_id = ? "
                + "and sender_type <> 'SYSTEM'", chat));
        List<Long> seqs = harness.events(chat).stream()
                .filter(event -> !(event instanceof ConversationEvent.CommandRejected)) // not numbered
                .map(ConversationEvent::seq).toList();
        for (int i = 1; i < seqs.size(); i++) {
            assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "the conversation's seqs follow each other: " + seqs);
        }
    }

    @Test
    void resendsInAPollAreStoredOnceWhetherTheFirstCopyCameEarlierOrInTheSamePoll() {
        String chat = newId();
        harness.start(chat, "support");
        harness.connect(chat, "alice");
        harness.send(post(chat, SenderType.CUSTOMER, null, "m-1", "earlier"));
        harness.awaitMessage(chat, "m-1");

        // New command ids each time: only the client message id (per sender) tells a resend.
        harness.sendInOnePoll(Topics.CONVERSATION_COMMANDS, List.of(
                post(chat, SenderType.CUSTOMER, null, "m-1", "earlier"),
                post(chat, SenderType.CUSTOMER, null, "m-2", "second"),
                post(chat, SenderType.AGENT, "alice", "m-2", "the agent's own m-2"),
                post(chat, SenderType.CUSTOMER, null, "m-2", "second"),
                post(chat, SenderType.AGENT, "alice", "m-3", "third")));

        harness.awaitMessage(chat, "m-3");
        List<String> posted = harness.events(chat, ConversationEvent.MessagePosted.class).stream()
                .filter(message -> message.senderType() != SenderType.SYSTEM)
                .map(message -> message.senderType() + ":" + message.messageId()).toList();
        assertEquals(List.of("CUSTOMER:m-1", "CUSTOMER:m-2", "AGENT:m-2", "AGENT:m-3"), posted,
                "each message once, in the order sent");
        assertEquals(List.of(), harness.events(chat, ConversationEvent.CommandRejected.class),
                "a resend is ignored, not refused");
        assertEquals(4, Database.count("select count(*) from chat_message where conversation_id = ? "
                + "and sender_type <> 'SYSTEM'", chat));
    }

    /**
     * A poll's commands take their conversation as the previous ones left it (read once, at the poll's start, or begun
     * in the poll) and its messages are written together: a chat started, written in, ended and erased in one poll
     * ends erased, every message stored once in seq order, next to another chat's messages of the same poll.
     */
    @Test
    void aChatStartedWrittenInEndedAndErasedInOnePollEndsErasedWithItsMessagesInOrder() {
        String other = newId();
        harness.start(other, "support");
        harness.connect(other, "alice");
        String chat = newId();
        ConversationCommand.StartConversation start = start(chat,
                new Customer("Marie Curie", "marie@example.com", null));

        harness.sendInOnePoll(Topics.CONVERSATION_COMMANDS, List.of(start,
                post(chat, SenderType.CUSTOMER, null, "c-1", "my address is 3 rue des Lilas"),
                post(other, SenderType.CUSTOMER, null, "o-1", "hello"),
                post(chat, SenderType.CUSTOMER, null, "c-2", "anyone?"),
                post(other, SenderType.AGENT, "alice", "o-2", "hi"),
                new ConversationCommand.EndByCustomer(newId(), chat, Instant.now()),
                new ConversationCommand.EraseCustomerData(newId(), chat, Instant.now(), newId(), "admin"),
                post(other, SenderType.CUSTOMER, null, "o-3", "thanks")));

        harness.awaitMessage(other, "o-3");
        harness.awaitEvent(chat, ConversationEvent.CustomerDataErased.class, erased -> true);
        assertEquals(List.of(), harness.events(chat, ConversationEvent.CommandRejected.class));
        assertEquals(0, Database.count("select count(*) from chat_message where conversation_id = ? "
                + "and sender_type = 'CUSTOMER' and text <> ?", chat, CustomerErasure.ERASED),
                "messages staged earlier in the poll are erased too");
        assertEquals(2, Database.count("select count(*) from chat_message where conversation_id = ? "
                + "and sender_type = 'CUSTOMER'", chat));
        assertEquals(List.of("o-1", "o-2", "o-3"), harness.events(other, ConversationEvent.MessagePosted.class)
                .stream().filter(posted -> posted.senderType() != SenderType.SYSTEM)
                .map(ConversationEvent.MessagePosted::messageId).toList());
        for (String id : List.of(chat, other)) {
            List<Long> seqs = harness.events(id).stream()
                    .filter(event -> !(event instanceof ConversationEvent.CommandRejected))
                    .map(ConversationEvent::seq).toList();
            for (int i = 1; i < seqs.size(); i++) {
                assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "the conversation's seqs follow each other: " + seqs);
            }
            assertEquals(1, Database.count("select count(*) from conversation where id = ? and last_seq = ?", id,
                    seqs.get(seqs.size() - 1)), "the conversation row took every command's decision");
            assertEquals(harness.events(id, ConversationEvent.MessagePosted.class).size(), Database.count(
                    "select count(*) from chat_message where conversation_id = ?", id), "each message stored once");
        }
    }

    @Test
    void routingEventsOfAPollAreAppliedInOrderAndOnce() {
        String one = newId();
        String two = newId();
        harness.start(one, "support");
        harness.start(two, "support");
        RoutingEvent.ChatOffered offerOne = harness.offer(one, "alice", OfferKind.QUEUE, null);
        RoutingEvent.ChatOffered offerTwo = harness.offer(two, "bob", OfferKind.QUEUE, null);
        harness.awaitState(one, ConversationState.OFFERED);
        harness.awaitState(two, ConversationState.OFFERED);
        RoutingEvent.ChatAssigned assignOne = assigned(offerOne);
        RoutingEvent.ChatAssigned assignTwo = assigned(offerTwo);

        harness.sendInOnePoll(Topics.ROUTING_EVENTS, List.of(assignOne, assignTwo, assignOne));

        harness.awaitState(one, ConversationState.CONNECTED);
        harness.awaitState(two, ConversationState.CONNECTED);
        assertEquals(1, harness.events(one, ConversationEvent.ParticipantStateChanged.class).stream()
                .filter(changed -> changed.agentId().equals("alice") && changed.to() == ParticipantState.ACTIVE)
                .count());
        assertTrue(harness.events(two, ConversationEvent.ParticipantStateChanged.class).stream()
                .anyMatch(changed -> changed.agentId().equals("bob") && changed.to() == ParticipantState.ACTIVE));
    }

    /** An offer made and accepted in one poll: the accept finds the participation the offer created in that poll. */
    @Test
    void anOfferAndItsAcceptInOnePollConnectTheChat() {
        String chat = newId();
        harness.start(chat, "support");
        harness.awaitState(chat, ConversationState.QUEUED);
        RoutingEvent.ChatOffered offer = new RoutingEvent.ChatOffered(newId(), Instant.now(), newId(), chat,
                OfferKind.QUEUE, "alice", "Alice", "support", "Support", "Melissa", false, Instant.now(),
                Instant.now().plusSeconds(30), null, null, null);

        harness.sendInOnePoll(Topics.ROUTING_EVENTS, List.of(offer, assigned(offer)));

        harness.awaitState(chat, ConversationState.CONNECTED);
        assertEquals(List.of(ParticipantState.OFFERED, ParticipantState.ACTIVE),
                harness.events(chat, ConversationEvent.ParticipantStateChanged.class).stream()
                        .map(ConversationEvent.ParticipantStateChanged::to).toList());
        assertEquals(1, Database.count("select count(*) from participation where conversation_id = ? "
                + "and state = 'ACTIVE'", chat));
    }

    private static ConversationCommand.StartConversation start(String conversationId, Customer customer) {
        return new ConversationCommand.StartConversation(newId(), conversationId, Instant.now(), "support", "Support",
                customer, Map.of(), false);
    }

    private static ConversationCommand.PostMessage post(String conversationId, SenderType sender, String agentId,
            String clientMessageId, String text) {
        return new ConversationCommand.PostMessage(newId(), conversationId, Instant.now(), clientMessageId, sender,
                agentId, text);
    }

    private static RoutingEvent.ChatAssigned assigned(RoutingEvent.ChatOffered offered) {
        return new RoutingEvent.ChatAssigned(newId(), Instant.now(), offered.offerId(), offered.conversationId(),
                offered.kind(), offered.agentId(), offered.agentName());
    }
}
