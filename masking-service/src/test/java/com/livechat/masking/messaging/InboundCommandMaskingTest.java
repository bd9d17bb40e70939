package com.livechat.masking.messaging;

import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationCommand.EndByCustomer;
import com.livechat.contracts.events.ConversationCommand.PostMessage;
import com.livechat.contracts.events.ConversationCommand.StartConversation;
import com.livechat.contracts.events.Customer;
import com.livechat.contracts.events.LivechatHeaders;
import com.livechat.contracts.events.SenderType;
import com.livechat.contracts.events.Topics;
import com.livechat.contracts.json.EventJson;
import com.livechat.testsupport.EmbeddedKafka;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.livechat.testsupport.auth.AdminRequests.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The message path through the real broker: livechat.inbound -> masking -> livechat.conversation.commands. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_masking_test"))
class InboundCommandMaskingTest {

    @Test
    void customerMessageWithACardNumberLeavesMaskedUnderTheSameKey() throws Exception {
        PostMessage message = customerMessage(newId(), "my card is 4111 1111 1111 1111, call me on +447966197542");

        KafkaProbe.send(Topics.INBOUND, message.conversationId(), EventJson.write(message));

        ConsumerRecord<String, String> out = awaitForwarded(message.commandId());
        assertEquals(message.conversationId(), out.key());
        PostMessage masked = (PostMessage) EventJson.read(out.value(), ConversationCommand.class);
        assertEquals("my card is ************1111, call me on *********7542", masked.text());
        assertEquals(message.clientMessageId(), masked.clientMessageId());
        assertTrue(!out.value().contains("4111"), out.value());
        assertEquals(LivechatHeaders.ON, pciMaskingHeader(out));
    }

    @Test
    void aFrenchMobileInNationalFormatAndANirLeaveMasked() throws Exception {
        PostMessage message = customerMessage(newId(),
                "rappelez-moi au 06 12 34 56 78, mon NIR est le 1 85 05 78 006 084 91");

        KafkaProbe.send(Topics.INBOUND, message.conversationId(), EventJson.write(message));

        ConsumerRecord<String, String> out = awaitForwarded(message.commandId());
        PostMessage masked = (PostMessage) EventJson.read(out.value(), ConversationCommand.class);
        assertEquals("rappelez-moi au ******5678, mon NIR est le ***********8491", masked.text());
        assertTrue(!out.value().contains("06 12") && !out.value().contains("006 084"), out.value());
        assertEquals(LivechatHeaders.ON, pciMaskingHeader(out));
    }

    @Test
    void withCardNumbersAloneSwitchedOffTheCommandSaysCardsWereNotMasked() throws Exception {
        switchType("CREDIT_CARD", false);
        try {
            PostMessage message = customerMessage(newId(), "carte 4111 1111 1111 1111, NIR 1 85 05 78 006 084 91");

            KafkaProbe.send(Topics.INBOUND, message.conversationId(), EventJson.write(message));

            ConsumerRecord<String, String> out = awaitForwarded(message.commandId());
            PostMessage forwarded = (PostMessage) EventJson.read(out.value(), ConversationCommand.class);
            assertEquals("carte 4111 1111 1111 1111, NIR ***********8491", forwarded.text());
            // The conversation service's guard must not refuse what the administrator chose to let through.
            assertEquals(LivechatHeaders.OFF, pciMaskingHeader(out));
        } finally {
            switchType("CREDIT_CARD", true);
        }
    }

    @Test
    void agentMessagesAreMaskedToo() throws Exception {
        PostMessage message = new PostMessage(newId(), newId(), Instant.now(), newId(), SenderType.AGENT, "agent-7",
                "I noted melissa@gmail.com as your contact address");

        KafkaProbe.send(Topics.INBOUND, message.conversationId(), EventJson.write(message));

        PostMessage masked = (PostMessage) EventJson.read(awaitForwarded(message.commandId()).value(),
                ConversationCommand.class);
        assertEquals("I noted m******@gmail.com as your contact address", masked.text());
    }

    @Test
    void displayFieldsOfANewConversationAreMaskedIncludingANameThatIsAPhoneNumber() throws Exception {
        StartConversation start = new StartConversation(newId(), newId(), Instant.now(), "queue-1", "Billing",
                new Customer("+33 6 12 34 56 78", "melissa@gmail.com", "+ 1 (123) 456 7890"),
                Map.of("contactOrigin", "+447966197542", "plan", "Premium 2024", "ref 4111 1111 1111 1111", "x"), false);

        KafkaProbe.send(Topics.INBOUND, start.conversationId(), EventJson.write(start));

        StartConversation masked = (StartConversation) EventJson.read(awaitForwarded(start.commandId()).value(),
                ConversationCommand.class);
        assertEquals(new Customer("********5678", "m******@gmail.com", "**********7890"), masked.customer());
        assertEquals(Map.of("contactOrigin", "*********7542", "plan", "Premium 2024", "ref ************1111", "x"),
                masked.attributes());
        assertEquals("Billing", masked.queueName());
    }

    @Test
    void thePolicyInForceAppliesToTheMessagePathWithoutRestart() throws Exception {
        changePolicy(true, false);
        try {
            PostMessage message = customerMessage(newId(), "card 4111 1111 1111 1111, mail melissa@gmail.com");

            KafkaProbe.send(Topics.INBOUND, message.conversationId(), EventJson.write(message));

            PostMessage masked = (PostMessage) EventJson.read(awaitForwarded(message.commandId()).value(),
                    ConversationCommand.class);
            assertEquals("card ************1111, mail melissa@gmail.com", masked.text());
        } finally {
            changePolicy(true, true);
        }
    }

    @Test
    void withPciMaskingOffCardNumbersPassAndTheCommandSaysSo() throws Exception {
        changePolicy(false, true);
        try {
            PostMessage message = customerMessage(newId(), "card 4111 1111 1111 1111, mail melissa@gmail.com");

            KafkaProbe.send(Topics.INBOUND, message.conversationId(), EventJson.write(message));

            ConsumerRecord<String, String> out = awaitForwarded(message.commandId());
            PostMessage forwarded = (PostMessage) EventJson.read(out.value(), ConversationCommand.class);
            assertEquals("card 4111 1111 1111 1111, mail m******@gmail.com", forwarded.text());
            assertEquals(LivechatHeaders.OFF, pciMaskingHeader(out));
        } finally {
            changePolicy(true, true);
        }
    }

    private static String pciMaskingHeader(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(LivechatHeaders.PCI_MASKING);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void commandsWithoutTextFollowTheSamePathInOrder() throws Exception {
        String conversationId = newId();
        PostMessage message = customerMessage(conversationId, "bye, my number is +447966197542");
        EndByCustomer end = new EndByCustomer(newId(), conversationId, Instant.now());

        KafkaProbe.send(Topics.INBOUND, List.of(
                new ProducerRecord<>(Topics.INBOUND, conversationId, EventJson.write(message)),
                new ProducerRecord<>(Topics.INBOUND, conversationId, EventJson.write(end))));

        List<ConsumerRecord<String, String>> out = KafkaProbe.awaitRecords(Topics.CONVERSATION_COMMANDS, 2,
                record -> conversationId.equals(record.key()));
        assertEquals(List.of(message.commandId(), end.commandId()), out.stream()
                .map(record -> EventJson.read(record.value(), ConversationCommand.class).commandId()).toList());
        assertEquals(out.get(0).partition(), out.get(1).partition());
    }

    @Test
    void unreadableRecordGoesToTheDeadLetterTopicAndTheNextOneStillComesOut() throws Exception {
        String conversationId = newId();
        PostMessage good = customerMessage(conversationId, "still there? 4111-1111-1111-1111");

        KafkaProbe.send(Topics.INBOUND, List.of(
                new ProducerRecord<>(Topics.INBOUND, conversationId, "{not json at all"),
                new ProducerRecord<>(Topics.INBOUND, conversationId,
                        "{\"type\":\"Teleport\",\"conversationId\":\"" + conversationId + "\"}"),
                new ProducerRecord<>(Topics.INBOUND, conversationId, EventJson.write(good))));

        List<ConsumerRecord<String, String>> dead = KafkaProbe.awaitRecords(Topics.INBOUND_DEAD_LETTER, 2,
                record -> conversationId.equals(record.key()));
        assertEquals("{not json at all", dead.get(0).value());
        assertTrue(reason(dead.get(0)).contains("Unreadable record"), reason(dead.get(0)));
        assertTrue(dead.get(1).value().contains("Teleport"), dead.get(1).value());
        assertTrue(reason(dead.get(1)).contains("Teleport"), reason(dead.get(1)));
        PostMessage forwarded = (PostMessage) EventJson.read(awaitForwarded(good.commandId()).value(),
                ConversationCommand.class);
        assertEquals("still there? ***************1111", forwarded.text());
    }

    @Test
    void oversizedRecordGoesToTheDeadLetterTopic() throws Exception {
        PostMessage huge = customerMessage(newId(), "a".repeat(70_000));

        KafkaProbe.send(Topics.INBOUND, huge.conversationId(), EventJson.write(huge));

        ConsumerRecord<String, String> dead = KafkaProbe.awaitRecord(Topics.INBOUND_DEAD_LETTER,
                record -> huge.conversationId().equals(record.key()));
        assertTrue(reason(dead).startsWith("Oversized record"), reason(dead));
    }

    @Test
    void inboundTopicKeepsRawCommandsOnlyForTheDocumentedHour() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedKafka.bootstrapServers()))) {
            ConfigResource inbound = new ConfigResource(ConfigResource.Type.TOPIC, Topics.INBOUND);
            ConfigResource deadLetters = new ConfigResource(ConfigResource.Type.TOPIC, Topics.INBOUND_DEAD_LETTER);
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(inbound, deadLetters)).all().get();

            assertEquals(String.valueOf(Topics.INBOUND_RETENTION.toMillis()),
                    configs.get(inbound).get("retention.ms").value());
            assertEquals("3600000", configs.get(inbound).get("retention.ms").value());
            assertEquals("3600000", configs.get(deadLetters).get("retention.ms").value());
        }
    }

    private static void changePolicy(boolean pci, boolean pii) {
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("pciEnabled", pci, "piiEnabled", pii, "changedBy", "kafka-test"))
                .when().put("/admin/masking-policy")
                .then().statusCode(200);
    }

    private static void switchType(String type, boolean on) {
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("pciEnabled", true, "piiEnabled", true, "changedBy", "kafka-test", "types", Map.of(type, on)))
                .when().put("/admin/masking-policy")
                .then().statusCode(200);
    }

    private static ConsumerRecord<String, String> awaitForwarded(String commandId) {
        return KafkaProbe.awaitRecord(Topics.CONVERSATION_COMMANDS,
                record -> record.value() != null && record.value().contains(commandId));
    }

    private static String reason(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("dead-letter-reason");
        assertNotNull(header, "dead-letter-reason header");
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static PostMessage customerMessage(String conversationId, String text) {
        return new PostMessage(newId(), conversationId, Instant.now(), newId(), SenderType.CUSTOMER, null, text);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
