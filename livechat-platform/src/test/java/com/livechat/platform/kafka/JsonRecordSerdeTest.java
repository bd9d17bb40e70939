package com.livechat.platform.kafka;

import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.Customer;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonRecordSerdeTest {

    private static final Instant AT = Instant.parse("2026-11-24T10:15:30Z");

    @Test
    void kafkaSerdeRoundTripsAndRefusesGarbage() {
        ConversationCommand command = new ConversationCommand.StartConversation("k", "c", AT, "support", "Support",
                new Customer("Bob", "bob@example.com", null), Map.of("order", "A-1"), false);
        byte[] bytes;
        try (JsonRecordSerializer serializer = new JsonRecordSerializer()) {
            bytes = serializer.serialize("t", command);
        }
        try (ConversationCommandDeserializer deserializer = new ConversationCommandDeserializer()) {
            assertEquals(command, deserializer.deserialize("t", bytes));
            assertThrows(SerializationException.class,
                    () -> deserializer.deserialize("t", "{not json".getBytes(StandardCharsets.UTF_8)));
            assertThrows(SerializationException.class,
                    () -> deserializer.deserialize("t", "{\"type\":\"Nope\"}".getBytes(StandardCharsets.UTF_8)));
        }
    }
}
