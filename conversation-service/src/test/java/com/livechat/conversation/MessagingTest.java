package com.livechat.conversation;

import com.livechat.conversation.support.ConversationHarness;
import com.livechat.conversation.support.Database;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.SenderType;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.livechat.conversation.support.ConversationHarness.newId;
import static com.livechat.testsupport.auth.AdminRequests.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_conversation_test"))
class MessagingTest {

    private final ConversationHarness harness = ConversationHarness.get();
    private String conversationId;

    @BeforeEach
    void connectedChat() {
        conversationId = newId();
        harness.start(conversationId, "support");
        harness.connect(conversationId, "alice");
    }

    @Test
    void agentMessageOfExactly1000CodePointsIsAcceptedAnd1001IsRefused() {
        // Astral code points count once each, even though Java stores them as two chars.
        String thousand = "😀".repeat(10) + "a".repeat(990);
        harness.agentSays(conversationId, "alice", "m-1000", thousand);
        ConversationEvent.MessagePosted posted = harness.awaitMessage(conversationId, "m-1000");
        assertEquals(thousand, posted.text());

        var tooLong = harness.agentSays(conversationId, "alice", "m-1001", thousand + "b");
        ConversationEvent.CommandRejected rejected = harness.awaitRejection(tooLong);
        assertEquals(RejectionCode.MESSAGE_TOO_LONG, rejected.code());
        assertEquals(SenderType.AGENT, rejected.issuer());
        assertEquals("alice", rejected.agentId());
        assertTrue(rejected.reason().contains("1000"), rejected.reason());
        assertEquals(0, Database.count("select count(*) from chat_message where message_id = 'm-1001'"));
        assertEquals(1, Database.count("select count(*) from chat_message where message_id = 'm-1000'"));
    }

    @Test
    void angleBracketsAreRefusedForAgentsWithTheReason() {
        for (String text : List.of("a < b", "b > a")) {
            var command = harness.agentSays(conversationId, "alice", newId(), text);
            ConversationEvent.CommandRejected rejected = harness.awaitRejection(command);
            assertEquals(RejectionCode.RESERVED_CHARACTERS, rejected.code());
            assertTrue(rejected.reason().contains("reserved for message-template parameters"), rejected.reason());
        }
        // Customers are not held to that rule.
        harness.customerSays(conversationId, "c-angle", "is 3 < 4?");
        assertEquals("is 3 < 4?", harness.awaitMessage(conversationId, "c-angle").text());
    }

    @Test
    void lineBreaksRoundTripThroughEventsDatabaseAndTranscript() {
        String text = "Hello,\n\nline two\r\nline three\n";
        harness.agentSays(conversationId, "alice", "m-lines", text);
        assertEquals(text, harness.awaitMessage(conversationId, "m-lines").text());
        assertEquals(text, Database.query("select text from chat_message where message_id = 'm-lines'").get(0)
                .get("text"));
        String fromRest = asAdmin().get("/conversations/{id}/transcript?size=100", conversationId).then()
                .statusCode(200).extract().path("items.find { it.messageId == 'm-lines' }.text");
        assertEquals(text, fromRest);
    }

    @Test
    void aResentMessageIsStoredOnceAndIsNotAnError() {
        var first = harness.customerSays(conversationId, "dup-1", "my order is late");
        var resend = harness.customerSays(conversationId, "dup-1", "my order is late");
        harness.customerSays(conversationId, "after-dup", "anyone?");
        harness.awaitMessage(conversationId, "after-dup");

        assertEquals(1, harness.events(conversationId, ConversationEvent.MessagePosted.class).stream()
                .filter(posted -> posted.messageId().equals("dup-1")).count());
        assertTrue(harness.events(conversationId, ConversationEvent.CommandRejected.class).stream()
                .noneMatch(r -> r.commandId().equals(first.commandId()) || r.commandId().equals(resend.commandId())));
        assertEquals(1, Database.count(
                "select count(*) from chat_message where conversation_id = ? and message_id = 'dup-1'", conversationId));
    }

    @Test
    void aPageFarBeyondTheEndIsEmptyRatherThanAFailure() {
        harness.customerSays(conversationId, "paging-1", "hello");
        harness.awaitMessage(conversationId, "paging-1");

        // page * size no longer fits in an int.
        asAdmin().get("/conversations/{id}/transcript?page=50000000&size=50", conversationId).then().statusCode(200)
                .body("items.size()", equalTo(0)).body("page", equalTo(50000000))
                .body("totalItems", greaterThanOrEqualTo(1));
        asAdmin().get("/agents/alice/history?page=" + Integer.MAX_VALUE + "&size=200").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("totalItems", greaterThanOrEqualTo(1));
        // Not an int at all: a bad request (JAX-RS alone would answer 404, as if the conversation did not exist).
        asAdmin().get("/conversations/{id}/transcript?page=99999999999", conversationId).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("INVALID_PARAMETER"));
    }

    @Test
    void theCustomerAndTheAgentMayPickTheSameClientMessageIdAndEachResendIsStoredOnce() {
        List<ConversationCommand> commands = List.of(
                harness.customerSays(conversationId, "m-1", "hello"),
                harness.agentSays(conversationId, "alice", "m-1", "hi, how can I help?"),
                harness.agentSays(conversationId, "alice", "m-1", "hi, how can I help?"),
                harness.customerSays(conversationId, "m-1", "hello"));
        harness.customerSays(conversationId, "after-same-ids", "anyone?");
        harness.awaitMessage(conversationId, "after-same-ids");

        List<ConversationEvent.MessagePosted> posted = harness.events(conversationId,
                ConversationEvent.MessagePosted.class).stream().filter(p -> p.messageId().equals("m-1")).toList();
        assertEquals(List.of(SenderType.CUSTOMER, SenderType.AGENT),
                posted.stream().map(ConversationEvent.MessagePosted::senderType).toList());
        assertEquals(List.of("hello", "hi, how can I help?"),
                posted.stream().map(ConversationEvent.MessagePosted::text).toList());
        assertTrue(harness.events(conversationId, ConversationEvent.CommandRejected.class).stream()
                .noneMatch(r -> commands.stream().anyMatch(c -> c.commandId().equals(r.commandId()))));
        List<Map<String, Object>> stored = Database.query("select sender_type, sender_id from chat_message "
                + "where conversation_id = ? and message_id = 'm-1' order by seq", conversationId);
        assertEquals(2, stored.size(), stored.toString());
        assertEquals("CUSTOMER", stored.get(0).get("sender_type"));
        assertNull(stored.get(0).get("sender_id"));
        assertEquals("AGENT", stored.get(1).get("sender_type"));
        assertEquals("alice", stored.get(1).get("sender_id"));
    }

    @Test
    void concurrentSendsKeepAStrictGaplessOrderAndAreEachStoredOnce() throws Exception {
        int perSender = 40;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> sends = new ArrayList<>();
        for (int sender = 0; sender < 4; sender++) {
            int s = sender;
            sends.add(pool.submit(() -> {
                for (int i = 0; i < perSender; i++) {
                    if (s % 2 == 0) {
                        harness.customerSays(conversationId, "c" + s + "-" + i, "customer " + s + " #" + i);
                    } else {
                        harness.agentSays(conversationId, "alice", "a" + s + "-" + i, "agent " + s + " #" + i);
                    }
                }
            }));
        }
        for (Future<?> send : sends) {
            send.get();
        }
        pool.shutdown();
        int expected = 4 * perSender;
        await().atMost(ConversationHarness.TIMEOUT).until(() -> Database.count(
                "select count(*) from chat_message where conversation_id = ? and sender_type <> 'SYSTEM'",
                conversationId) == expected);
        await().atMost(ConversationHarness.TIMEOUT).until(() -> harness.events(conversationId,
                ConversationEvent.MessagePosted.class).size() >= expected);

        List<ConversationEvent> events = harness.events(conversationId);
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i + 1, events.get(i).seq(), "events arrive in seq order 1, 2, 3... without gaps");
        }
        List<Long> storedSeqs = Database.query("select seq from chat_message where conversation_id = ? order by id",
                conversationId).stream().map(row -> ((Number) row.get("seq")).longValue()).toList();
        for (int i = 1; i < storedSeqs.size(); i++) {
            assertTrue(storedSeqs.get(i) > storedSeqs.get(i - 1), "stored in strictly increasing seq order");
        }
        assertEquals(expected, Database.count("select count(distinct message_id) from chat_message "
                + "where conversation_id = ? and sender_type <> 'SYSTEM'", conversationId));
    }

    @Test
    void anAgentWhoIsNotInTheChatCannotWrite() {
        var command = harness.agentSays(conversationId, "mallory", newId(), "hello");
        assertEquals(RejectionCode.NOT_A_PARTICIPANT, harness.awaitRejection(command).code());
    }

    @Test
    void anUnreadableCommandDoesNotStopTheChannel() {
        harness.sendRaw(com.livechat.contracts.events.Topics.CONVERSATION_COMMANDS, conversationId, "not a command");
        harness.customerSays(conversationId, "after-poison", "still there?");
        assertEquals("still there?", harness.awaitMessage(conversationId, "after-poison").text());
    }
}
