package com.livechat.conversation;

import com.livechat.conversation.support.ConversationHarness;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.ReferenceData;
import com.livechat.contracts.events.RejectionCode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static com.livechat.conversation.support.ConversationHarness.newId;
import static com.livechat.testsupport.auth.AdminRequests.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class TemplateTest {

    private final ConversationHarness harness = ConversationHarness.get();

    @Test
    void aTemplateIsFilledFromTheConversation() {
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Greeting",
                        "body", "Hello <customerName>, I am <agentName> from <queueName>.\nOrder <orderId> (<contactOrigin>)"))
                .put("/admin/templates/greeting").then().statusCode(201)
                .body("parameters", contains("customerName", "agentName", "queueName", "orderId", "contactOrigin"));
        String id = newId();
        harness.start(id, "support");
        harness.connect(id, "alice");

        harness.send(new ConversationCommand.SendTemplate(newId(), id, Instant.now(), "tpl-1", "alice", "greeting"));
        assertEquals("Hello Melissa, I am Agent alice from Queue support.\nOrder A-42 (m******@gmail.com)",
                harness.awaitMessage(id, "tpl-1").text());

        var unknown = new ConversationCommand.SendTemplate(newId(), id, Instant.now(), "tpl-2", "alice", "nope");
        harness.send(unknown);
        assertEquals(RejectionCode.UNKNOWN_TEMPLATE, harness.awaitRejection(unknown).code());

        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Missing", "body", "Your ticket is <ticketId>"))
                .put("/admin/templates/missing").then().statusCode(201);
        var missing = new ConversationCommand.SendTemplate(newId(), id, Instant.now(), "tpl-3", "alice", "missing");
        harness.send(missing);
        var rejected = harness.awaitRejection(missing);
        assertEquals(RejectionCode.INVALID_MESSAGE, rejected.code());
        assertEquals("The template 'Missing' needs <ticketId>, which this conversation does not have.",
                rejected.reason());

        harness.customerEnds(id);
        harness.awaitState(id, ConversationState.CUSTOMER_ENDED);
        var tooLate = new ConversationCommand.SendTemplate(newId(), id, Instant.now(), "tpl-4", "alice", "greeting");
        harness.send(tooLate);
        assertEquals(RejectionCode.ILLEGAL_STATE, harness.awaitRejection(tooLate).code());
    }

    @Test
    void templatesAndWrapUpReasonsAreManagedByAdminsAndPublishedAsReferenceData() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Bye", "body", "Goodbye <customerName>"))
                .put("/admin/templates/bye").then().statusCode(201);
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Bye", "body", "See you <customerName>"))
                .put("/admin/templates/bye").then().statusCode(200).body("body", equalTo("See you <customerName>"));
        asAdmin().get("/admin/templates?search=SEE YOU").then().statusCode(200).body("id", hasItem("bye"));
        asAdmin().delete("/admin/templates/bye").then().statusCode(204);
        asAdmin().get("/admin/templates/bye").then().statusCode(404);
        asAdmin().delete("/admin/templates/bye").then().statusCode(404).contentType("application/problem+json");

        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Bad", "body", "a < b"))
                .put("/admin/templates/bad").then().statusCode(400).body("code", equalTo("INVALID_TEMPLATE"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "", "body", "x"))
                .put("/admin/templates/bad").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Bad", "body", "x"))
                .put("/admin/templates/not valid!").then().statusCode(400);
        // U+0000 never reaches PostgreSQL (it refuses it): a 400, in a body, a path or a query.
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Bad", "body", "nul \u0000 here"))
                .put("/admin/templates/bad").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("body"));
        asAdmin().urlEncodingEnabled(false).get("/admin/templates/a%00b").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        asAdmin().urlEncodingEnabled(false).get("/admin/wrap-up-reasons?search=a%00b").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        asAdmin().urlEncodingEnabled(false).get("/conversations/a%00b").then().statusCode(400).contentType("application/problem+json");

        asAdmin().contentType(ContentType.JSON).body(Map.of("label", "Call back later"))
                .put("/admin/wrap-up-reasons/CALLBACK").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        asAdmin().contentType(ContentType.JSON).body(Map.of("label", "Sold"))
                .put("/admin/wrap-up-reasons/SOLD").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        asAdmin().get("/admin/wrap-up-reasons?search=back").then().statusCode(200)
                .body("code", hasItem("CALLBACK")).body("code", not(hasItem("SOLD")));
        asAdmin().delete("/admin/wrap-up-reasons/SOLD").then().statusCode(204);
        asAdmin().contentType(ContentType.JSON).body("{\"label\": 12, ").put("/admin/wrap-up-reasons/X").then()
                .statusCode(400).contentType("application/problem+json");

        await().atMost(ConversationHarness.TIMEOUT).until(() -> harness.referenceData().containsAll(java.util.List.of(
                new ReferenceData.MessageTemplateInfo("bye", "Bye", "Goodbye <customerName>", false),
                new ReferenceData.MessageTemplateInfo("bye", "Bye", "See you <customerName>", false),
                new ReferenceData.MessageTemplateInfo("bye", "Bye", "See you <customerName>", true),
                new ReferenceData.WrapUpReasonInfo("CALLBACK", "Call back later", false),
                new ReferenceData.WrapUpReasonInfo("SOLD", "Sold", true))));
    }
}
