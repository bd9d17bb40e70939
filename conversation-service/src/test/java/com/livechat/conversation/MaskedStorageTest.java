package com.livechat.conversation;

import com.livechat.conversation.support.ConversationHarness;
import com.livechat.conversation.support.Database;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.Customer;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.SenderType;
import com.livechat.testsupport.CardNumberScan;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.livechat.conversation.support.ConversationHarness.newId;
import static com.livechat.testsupport.auth.AdminRequests.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PCI: masking happens before this service, which stores exactly what it receives, and refuses (defence in depth)
 * any text in which a card number survived while PCI masking is on. After a run with card numbers in customer
 * messages, no text column of the database holds one.
 */
@QuarkusTest
class MaskedStorageTest {

    private final ConversationHarness harness = ConversationHarness.get();

    @Test
    void maskedTextIsStoredExactlyAndUnmaskedCardNumbersNeverReachTheDatabase() {
        String id = newId();
        harness.start(id, "support");
        harness.connect(id, "alice");

        // What masking forwards for "my card is 4111 1111 1111 1111" and "5500-0000-0000-0004, exp 12/27".
        List<String> masked = List.of("my card is **** **** **** 1111", "***************0004, exp 12/27",
                "call me on **********7890 or m******@gmail.com");
        for (int i = 0; i < masked.size(); i++) {
            harness.customerSays(id, "masked-" + i, masked.get(i));
            assertEquals(masked.get(i), harness.awaitMessage(id, "masked-" + i).text());
            assertEquals(masked.get(i), Database.query(
                    "select text from chat_message where conversation_id = ? and message_id = ?", id, "masked-" + i)
                    .get(0).get("text"));
        }

        // Anything that slipped through masking is refused, whoever wrote it and wherever it is.
        List<ConversationCommand> leaks = new ArrayList<>();
        leaks.add(harness.customerSays(id, "leak-1", "my card is 4111 1111 1111 1111"));
        leaks.add(harness.customerSays(id, "leak-2", "5500-0000-0000-0004 exp 12/27"));
        leaks.add(harness.customerSays(id, "leak-3", "amex 378282246310005 thanks"));
        leaks.add(harness.agentSays(id, "alice", "leak-4", "I noted 6011111111111117"));
        String otherId = newId();
        ConversationCommand.StartConversation leakyStart = new ConversationCommand.StartConversation(newId(), otherId,
                Instant.now(), "support", "Support", new Customer("Eve", null, null),
                Map.of("card", "4012888888881881"), false);
        harness.send(leakyStart);
        leaks.add(leakyStart);
        for (ConversationCommand leak : leaks) {
            assertEquals(RejectionCode.UNMASKED_CARD_NUMBER, harness.awaitRejection(leak).code());
        }
        harness.agentEnds(id, "alice");
        asAdmin().contentType(ContentType.JSON).body(Map.of("label", "Resolved"))
                .put("/admin/wrap-up-reasons/RESOLVED").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        var leakyNote = harness.wrapUp(id, "alice", "RESOLVED", "paid with 4111111111111111");
        assertEquals(RejectionCode.UNMASKED_CARD_NUMBER, harness.awaitRejection(leakyNote).code());
        asAdmin().contentType(ContentType.JSON).body(Map.of("label", "Card 4111 1111 1111 1111"))
                .put("/admin/wrap-up-reasons/LEAK").then().statusCode(400).body("code",
                        org.hamcrest.Matchers.equalTo("UNMASKED_CARD_NUMBER"));

        assertEquals(List.of(), unmaskedCardNumbersInTheDatabase());
    }

    @Test
    void withPciMaskingTurnedOffByAnAdministratorCardNumbersReachTheTranscript() {
        String id = newId();
        harness.start(id, "support");
        harness.connect(id, "alice");

        ConversationCommand.PostMessage post = new ConversationCommand.PostMessage(newId(), id, Instant.now(),
                "pci-off", SenderType.CUSTOMER, null, "my card is 4111 1111 1111 1111");
        harness.sendWithPciMaskingOff(post);

        assertEquals("my card is 4111 1111 1111 1111", harness.awaitMessage(id, "pci-off").text());
        assertEquals("my card is 4111 1111 1111 1111", Database.query(
                "select text from chat_message where conversation_id = ? and message_id = ?", id, "pci-off")
                .get(0).get("text"));
        assertTrue(unmaskedCardNumbersInTheDatabase().contains("\"chat_message\".\"text\": 4111 1111 1111 1111"),
                "the scan the other test relies on finds a stored card number");
        // The other tests scan the whole database for card numbers: remove this deliberate one.
        assertEquals(1, Database.update("delete from chat_message where conversation_id = ? and message_id = ?",
                id, "pci-off"));
    }

    /** Scans every text column of every table for a Luhn-valid run of 13 to 19 digits. */
    static List<String> unmaskedCardNumbersInTheDatabase() {
        try (Connection db = Database.connect()) {
            return CardNumberScan.unmaskedCardNumbers(db);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
