package com.livechat.conversation;

import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.Customer;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.conversation.support.ConversationHarness;
import com.livechat.conversation.support.Database;
import com.livechat.testsupport.TextScan;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.livechat.conversation.support.ConversationHarness.newId;
import static com.livechat.testsupport.auth.AdminRequests.asAdmin;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Erasure on request (docs/privacy.md), on the real broker and database: once the chat has ended, the customer's
 * name, contact fields, attributes, message texts, wrap-up notes and survey comment are gone from every text column,
 * {@code CustomerDataErased} is published, and nothing can be added afterwards.
 */
@QuarkusTest
class ErasureTest {

    private final ConversationHarness harness = ConversationHarness.get();

    @BeforeEach
    void reason() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("label", "Resolved"))
                .put("/admin/wrap-up-reasons/RESOLVED").then().statusCode(oneOf(200, 201));
    }

    @Test
    void anEndedChatIsErasedInEveryTextColumnAndTheErasureIsPublished() throws Exception {
        String id = newId();
        String name = "Zoltan Erasmus-" + id.substring(0, 8);
        String email = "zoltan." + id.substring(0, 8) + "@example.org";
        String phone = "+33 6 " + id.substring(0, 8);
        String attribute = "order-" + id.substring(0, 8);
        String secret = "my secret address is " + id.substring(0, 8) + " rue des Lilas";
        String reply = "noted your address " + id.substring(9, 13);
        String note = "customer " + id.substring(0, 8) + " moved";
        String comment = "thanks " + id.substring(0, 8);
        harness.send(new ConversationCommand.StartConversation(newId(), id, Instant.now(), "support", "Support",
                new Customer(name, email, phone), Map.of("orderId", attribute), false));
        harness.awaitEvent(id, ConversationEvent.ConversationQueued.class, e -> true);
        harness.connect(id, "alice");
        harness.customerSays(id, "c-1", secret);
        harness.awaitMessage(id, "c-1");
        harness.agentSays(id, "alice", "a-1", reply);
        harness.awaitMessage(id, "a-1");

        ConversationCommand.EraseCustomerData tooEarly = erase(id);
        assertEquals(RejectionCode.ILLEGAL_STATE, harness.awaitRejection(tooEarly).code());

        harness.customerEnds(id);
        harness.agentEnds(id, "alice");
        harness.awaitState(id, ConversationState.ENDED);
        harness.wrapUp(id, "alice", "RESOLVED", note);
        harness.awaitState(id, ConversationState.CLOSED);
        harness.send(new ConversationCommand.SubmitSurvey(newId(), id, Instant.now(), 4, comment));
        harness.awaitEvent(id, ConversationEvent.SurveySubmitted.class, e -> true);
        String[] originals = {name, email, phone, attribute, secret, reply, note, comment};
        try (Connection db = Database.connect()) {
            for (String original : originals) {
                assertTrue(!TextScan.occurrences(db, original).isEmpty(), "stored before the erasure: " + original);
            }
        }

        ConversationCommand.EraseCustomerData erase = erase(id);
        ConversationEvent.CustomerDataErased erased = harness.awaitEvent(id,
                ConversationEvent.CustomerDataErased.class, e -> true);
        assertEquals(erase.erasureId(), erased.erasureId());
        assertNotNull(erased.seq());

        try (Connection db = Database.connect()) {
            List<String> left = TextScan.occurrences(db, originals);
            assertTrue(left.isEmpty(), "original data left after the erasure: " + left);
        }
        assertEquals(ConversationEvent.CustomerDataErased.ERASED,
                Database.query("select customer_name from conversation where id = ?", id).get(0)
                        .get("customer_name"));
        assertEquals(0, Database.count("select count(*) from chat_message where conversation_id = ? and text <> ?",
                id, ConversationEvent.CustomerDataErased.ERASED));
        assertEquals(0, Database.count("select count(*) from cad_variable where conversation_id = ?", id));
        assertEquals(1, Database.count("select count(*) from conversation where id = ? and erased_at is not null "
                + "and customer_email is null and customer_phone is null", id));
        asAdmin().get("/conversations/{id}", id).then().statusCode(200);

        // Nothing comes back afterwards: no survey, and an erasure again changes nothing but says so again.
        var survey = new ConversationCommand.SubmitSurvey(newId(), id, Instant.now(), 5, comment);
        harness.send(survey);
        assertEquals(RejectionCode.ILLEGAL_STATE, harness.awaitRejection(survey).code());
        ConversationCommand.EraseCustomerData again = erase(id);
        harness.awaitEvent(id, ConversationEvent.CustomerDataErased.class,
                e -> e.erasureId().equals(again.erasureId()));
        harness.send(erase);
        LifecycleTest.assertSeqsAreGapless(id);
        assertEquals(2, harness.events(id, ConversationEvent.CustomerDataErased.class).size());
    }

    @Test
    void aWrapUpNoteWrittenAfterTheErasureIsNotKept() {
        String id = newId();
        harness.start(id, "support");
        harness.connect(id, "alice");
        harness.agentEnds(id, "alice");
        harness.awaitState(id, ConversationState.ENDED);
        erase(id);
        harness.awaitEvent(id, ConversationEvent.CustomerDataErased.class, e -> true);
        harness.wrapUp(id, "alice", "RESOLVED", "the customer lives at 3 rue des Lilas");
        ConversationEvent.WrapUpRecorded recorded = harness.awaitEvent(id, ConversationEvent.WrapUpRecorded.class,
                e -> true);
        assertEquals(null, recorded.note());
        assertEquals(0, Database.count("select count(*) from wrap_up where conversation_id = ? and note is not null",
                id));
    }

    private ConversationCommand.EraseCustomerData erase(String conversationId) {
        var command = new ConversationCommand.EraseCustomerData(newId(), conversationId, Instant.now(), newId(),
                "admin");
        harness.send(command);
        return command;
    }
}
