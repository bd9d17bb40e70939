package com.livechat.testsupport.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a record read from a topic against the checked-in Kafka contract of {@code livechat-contracts}
 * ({@code contracts/asyncapi-kafka.yaml} and its JSON Schemas): its {@code type} must be a message of that topic's
 * channel, and its JSON valid against that message's schema. Tests use it on what the real services produced.
 */
public final class KafkaContract {

    private static final String DOCUMENT = "contracts/asyncapi-kafka.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig STRICT_FORMATS = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    /** Topic → the record types its channel carries (dead-letter channels, which carry anything, are left out). */
    private static final Map<String, Set<String>> TYPES_BY_TOPIC = typesByTopic();
    private static final Map<String, JsonSchema> SCHEMA_BY_TYPE = new ConcurrentHashMap<>();

    private KafkaContract() {
    }

    /** Whether the contract lists the records of {@code topic} (false for the dead-letter topics). */
    public static boolean describes(String topic) {
        return TYPES_BY_TOPIC.containsKey(topic);
    }

    /** What is wrong with {@code value} as a record of {@code topic}; empty when it matches the contract. */
    public static List<String> violations(String topic, String value) {
        Set<String> types = TYPES_BY_TOPIC.get(topic);
        if (types == null) {
            throw new IllegalArgumentException("The Kafka contract lists no records for topic " + topic);
        }
        JsonNode json;
        try {
            json = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            return List.of(topic + ": not JSON: " + value);
        }
        String type = json.path("type").asText();
        if (!types.contains(type)) {
            return List.of(topic + ": type '" + type + "' is not a message of this channel " + types + ": " + value);
        }
        Set<ValidationMessage> errors = SCHEMA_BY_TYPE.computeIfAbsent(type, KafkaContract::schema).validate(json);
        return errors.stream().map(error -> topic + ": " + type + " does not match schemas/" + type + ".json: "
                + error.getMessage() + " in " + value).toList();
    }

    /** Fails with every violation when {@code value} is not a record of {@code topic} as the contract says. */
    public static void assertMatches(String topic, String value) {
        List<String> violations = violations(topic, value);
        if (!violations.isEmpty()) {
            throw new AssertionError("Record breaks the Kafka contract (" + DOCUMENT + "):\n"
                    + String.join("\n", violations));
        }
    }

    private static JsonSchema schema(String type) {
        return SCHEMAS.getSchema(SchemaLocation.of("classpath:contracts/schemas/" + type + ".json"), STRICT_FORMATS);
    }

    private static Map<String, Set<String>> typesByTopic() {
        JsonNode document;
        try (InputStream in = KafkaContract.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("No " + DOCUMENT + " on the class path (livechat-contracts)");
            }
            document = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(DOCUMENT, e);
        }
        Map<String, Set<String>> types = new TreeMap<>();
        document.get("channels").forEach(channel -> {
            Set<String> messages = new TreeSet<>();
            channel.path("messages").fieldNames().forEachRemaining(messages::add);
            messages.remove("DeadLetter");
            if (!messages.isEmpty()) {
                types.put(channel.path("address").asText(), messages);
            }
        });
        return types;
    }
}
