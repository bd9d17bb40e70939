package com.livechat.gateway;

import com.livechat.contracts.events.BusinessHours;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.OpeningRange;
import com.livechat.contracts.events.ReferenceData;
import com.livechat.contracts.events.SenderType;
import com.livechat.contracts.events.Topics;
import com.livechat.gateway.support.Kafka;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Business hours at the gateway: a queue's availability for the widget, a chat refused while its queue is closed,
 * and the message left instead (validated, then a chat whose first message it is).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class BusinessHoursTest {

    private static final String CLOSED = "closed-" + System.nanoTime();
    private static final String OPEN = "open-" + System.nanoTime();

    /** Every day of the week, all day, except today (a holiday, in UTC): closed now, opens at midnight UTC. */
    private static BusinessHours closedToday() {
        List<OpeningRange> everyDay = java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(day -> new OpeningRange(day.name(), "00:00", "00:00")).toList();
        return new BusinessHours("UTC", everyDay, List.of(LocalDate.now(ZoneOffset.UTC).toString()));
    }

    private static boolean published;

    /** Before each test, once: the application is listening only then (a static @BeforeAll runs before it starts). */
    @BeforeEach
    void queues() {
        if (published) {
            return;
        }
        Kafka.publish(Topics.REFERENCE_DATA, new ReferenceData.QueueInfo(CLOSED, "Night desk", false, closedToday()));
        Kafka.publish(Topics.REFERENCE_DATA, new ReferenceData.QueueInfo(OPEN, "Day desk", false,
                new BusinessHours("UTC", closedToday().weekly(), List.of())));
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/api/queues/{id}/availability", OPEN)
                .statusCode() == 200);
        published = true;
    }

    @Test
    void theWidgetReadsWhetherAQueueIsOpenAndWhenItOpens() {
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1) + "T00:00:00Z";
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/api/queues/{id}/availability", CLOSED)
                .statusCode() == 200);
        given().get("/api/queues/{id}/availability", CLOSED).then().statusCode(200)
                .body("queueId", equalTo(CLOSED)).body("open", equalTo(false))
                .body("nextOpening", equalTo(tomorrow)).body("timeZone", equalTo("UTC"));
        given().get("/api/queues/{id}/availability", OPEN).then().statusCode(200)
                .body("open", equalTo(true)).body("nextOpening", nullValue());
        given().get("/api/queues/{id}/availability", "no-such-queue").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("UNKNOWN_QUEUE"));
    }

    @Test
    void aChatStartedWhileTheQueueIsClosedIsRefusedWithQueueClosed() {
        given().contentType("application/json").body(Map.of("queueId", CLOSED, "customer", Map.of("name", "Jean")))
                .post("/api/chats").then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("QUEUE_CLOSED")).body("detail", containsString("leave a message"));
        // An open queue starts chats as always.
        given().contentType("application/json").body(Map.of("queueId", OPEN, "customer", Map.of("name", "Jean")))
                .post("/api/chats").then().statusCode(201).body("token", notNullValue());
    }

    @Test
    void aMessageLeftWhileClosedBecomesAChatWhoseFirstMessageItIs() {
        String conversationId = given().contentType("application/json").body(Map.of("queueId", CLOSED,
                        "customer", Map.of("name", "Jean Dupont", "email", "jean@example.com"),
                        "offline", true, "message", "Please call me back about order A-17"))
                .post("/api/chats").then().statusCode(201).body("token", notNullValue())
                .extract().path("conversationId");
        Kafka.Sent<ConversationCommand.StartConversation> start = Kafka.awaitConversationCommand(
                ConversationCommand.StartConversation.class, c -> c.conversationId().equals(conversationId));
        assertEquals("jean@example.com", start.command().customer().email(), "unmasked on livechat.inbound only");
        assertEquals("true", start.command().attributes().get("offlineMessage"));
        Kafka.Sent<ConversationCommand.PostMessage> first = Kafka.awaitConversationCommand(
                ConversationCommand.PostMessage.class, c -> c.conversationId().equals(conversationId));
        assertEquals(SenderType.CUSTOMER, first.command().senderType());
        assertEquals("Please call me back about order A-17", first.command().text());
        assertEquals(conversationId, first.key(), "same key as the start: read after it");
    }

    @Test
    void aLiveChatCannotPassItselfOffAsALeftMessageThroughItsAttributes() {
        String conversationId = given().contentType("application/json").body(Map.of("queueId", OPEN,
                        "customer", Map.of("name", "Jean Dupont"),
                        "attributes", Map.of("offlineMessage", "true", "pageUrl", "https://shop.example/")))
                .post("/api/chats").then().statusCode(201).extract().path("conversationId");
        Kafka.Sent<ConversationCommand.StartConversation> start = Kafka.awaitConversationCommand(
                ConversationCommand.StartConversation.class, c -> c.conversationId().equals(conversationId));
        assertEquals(null, start.command().attributes().get("offlineMessage"),
                "only the message form makes a left message, which the maximum wait never ends");
        assertEquals("https://shop.example/", start.command().attributes().get("pageUrl"));
    }

    @Test
    void aMessageLeftWhileClosedIsValidatedLikeAnyOther() {
        Map<String, Object> valid = new HashMap<>(Map.of("queueId", CLOSED,
                "customer", Map.of("name", "Jean", "phone", "+33 6 12 34 56 78"), "offline", true, "message", "Hello"));
        given().contentType("application/json").body(valid).post("/api/chats").then().statusCode(201);

        Map<String, Object> noContact = new HashMap<>(valid);
        noContact.put("customer", Map.of("name", "Jean"));
        given().contentType("application/json").body(noContact).post("/api/chats").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("INVALID_CONTACT"));

        Map<String, Object> badPhone = new HashMap<>(valid);
        badPhone.put("customer", Map.of("name", "Jean", "phone", "call me maybe"));
        given().contentType("application/json").body(badPhone).post("/api/chats").then().statusCode(400)
                .body("code", equalTo("INVALID_CONTACT"));

        Map<String, Object> badEmail = new HashMap<>(valid);
        badEmail.put("customer", Map.of("name", "Jean", "email", "not-an-email"));
        given().contentType("application/json").body(badEmail).post("/api/chats").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));

        Map<String, Object> noMessage = new HashMap<>(valid);
        noMessage.remove("message");
        given().contentType("application/json").body(noMessage).post("/api/chats").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("INVALID_MESSAGE"));

        Map<String, Object> tooLong = new HashMap<>(valid);
        tooLong.put("message", "a".repeat(4001));
        given().contentType("application/json").body(tooLong).post("/api/chats").then().statusCode(400)
                .body("code", equalTo("MESSAGE_TOO_LONG"));

        Map<String, Object> control = new HashMap<>(valid);
        control.put("message", "Hello\u0007");
        given().contentType("application/json").body(control).post("/api/chats").then().statusCode(400)
                .body("code", equalTo("INVALID_MESSAGE"));
    }

}
