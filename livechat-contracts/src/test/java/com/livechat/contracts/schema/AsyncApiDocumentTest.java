package com.livechat.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.contracts.events.LivechatHeaders;
import com.livechat.contracts.events.SchemaVersion;
import com.livechat.contracts.events.Topics;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code contracts/asyncapi-kafka.yaml} says what the code does: one channel per topic of {@link Topics#ALL} with its
 * partitions and configuration, on each channel every record type of one family (or the dead letters), each message's
 * payload the schema of its type, the contract's headers and schema version; and it is valid AsyncAPI 3.0.0.
 */
class AsyncApiDocumentTest {

    private final JsonNode document = ContractFiles.asyncApi();

    @Test
    void itIsAnAsyncApi3DocumentOfTheCurrentSchemaVersion() {
        assertEquals("3.0.0", document.path("asyncapi").asText());
        assertEquals(Integer.toString(SchemaVersion.CURRENT), document.at("/info/version").asText());
    }

    @Test
    void itIsValidAsyncApi3() {
        JsonSchema specification = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("classpath:asyncapi/asyncapi-3.0.0.schema.json"));

        Set<ValidationMessage> errors = specification.validate(document);

        assertTrue(errors.isEmpty(), "asyncapi-kafka.yaml is not valid AsyncAPI 3.0.0: " + errors);
    }

    @Test
    void everyTopicIsAChannelWithItsPartitionsAndConfiguration() {
        Map<String, String> expected = new TreeMap<>();
        Topics.ALL.forEach(spec -> expected.put(spec.name(), spec.partitions() + " " + new TreeMap<>(spec.config())));
        Map<String, String> documented = new TreeMap<>();
        document.get("channels").forEach(channel -> {
            JsonNode kafka = channel.at("/bindings/kafka");
            assertEquals(channel.path("address").asText(), kafka.path("topic").asText());
            Map<String, String> config = new TreeMap<>();
            kafka.path("topicConfiguration").fields().forEachRemaining(entry -> config.put(entry.getKey(),
                    entry.getValue().isArray() ? join(entry.getValue()) : entry.getValue().asText()));
            documented.put(channel.path("address").asText(), kafka.path("partitions").asInt() + " " + config);
        });
        assertEquals(expected, documented);
    }

    @Test
    void everyChannelCarriesEveryRecordOfOneFamilyOrTheDeadLetters() {
        Set<String> familiesCovered = new TreeSet<>();
        document.get("channels").fields().forEachRemaining(entry -> {
            Set<String> messages = messagesOf(entry.getValue());
            if (messages.equals(Set.of("DeadLetter"))) {
                assertTrue(entry.getValue().path("address").asText().endsWith(".dlq"), entry.getKey());
                return;
            }
            Class<?> family = ContractFiles.FAMILIES.stream()
                    .filter(f -> messages.equals(typeNames(f))).findFirst()
                    .orElseThrow(() -> new AssertionError("Channel " + entry.getKey() + " carries " + messages
                            + ", which is not every record of one of " + ContractFiles.FAMILIES));
            familiesCovered.add(family.getSimpleName());
        });
        assertEquals(ContractFiles.FAMILIES.stream().map(Class::getSimpleName).collect(Collectors.toSet()),
                familiesCovered, "every family of records is on a channel");
    }

    @Test
    void everyMessageIsItsRecordTypeWithItsSchemaAsPayload() {
        Set<String> types = ContractFiles.recordTypes().map(ContractFiles::typeName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> messages = new TreeSet<>();
        document.at("/components/messages").fields().forEachRemaining(entry -> {
            JsonNode message = entry.getValue();
            assertEquals(entry.getKey(), message.path("name").asText());
            if (entry.getKey().equals("DeadLetter")) {
                return;
            }
            messages.add(entry.getKey());
            assertEquals("application/schema+json;version=draft-2020-12", message.at("/payload/schemaFormat").asText());
            assertEquals("./schemas/" + entry.getKey() + ".json", message.at("/payload/schema/$ref").asText());
            assertNotNull(ContractFiles.schemaTree(entry.getKey()), entry.getKey());
            assertEquals("string", message.at("/bindings/kafka/key/type").asText(), entry.getKey() + " key");
        });
        assertEquals(types, messages);
    }

    @Test
    void theHeadersAreTheContractsHeaders() {
        JsonNode pci = document.at("/components/schemas/PciMaskingHeaders/properties").get(LivechatHeaders.PCI_MASKING);
        assertNotNull(pci, LivechatHeaders.PCI_MASKING);
        assertEquals(List.of(LivechatHeaders.ON, LivechatHeaders.OFF), Arrays.asList(
                pci.get("enum").get(0).asText(), pci.get("enum").get(1).asText()));
        document.at("/components/messages").fields().forEachRemaining(entry -> {
            String family = ContractFiles.recordTypes()
                    .filter(type -> ContractFiles.typeName(type).equals(entry.getKey()))
                    .map(type -> type.getInterfaces()[0].getSimpleName()).findFirst().orElse("DeadLetter");
            String headers = entry.getValue().at("/headers/$ref").asText();
            String expected = switch (family) {
                case "ConversationCommand" -> "#/components/schemas/PciMaskingHeaders";
                case "DeadLetter" -> "#/components/schemas/DeadLetterHeaders";
                default -> "";
            };
            assertEquals(expected, headers, entry.getKey() + " headers");
        });
    }

    @Test
    void everyOperationUsesAChannelOfTheDocument() {
        Set<String> channels = new TreeSet<>();
        document.get("channels").fieldNames().forEachRemaining(name -> channels.add("#/channels/" + name));
        Set<String> used = new TreeSet<>();
        document.get("operations").forEach(operation -> {
            assertTrue(Set.of("send", "receive").contains(operation.path("action").asText()));
            used.add(operation.at("/channel/$ref").asText());
        });
        assertEquals(channels, used, "every channel has a writer or reader, and every operation a real channel");
    }

    private static Set<String> messagesOf(JsonNode channel) {
        Set<String> names = new TreeSet<>();
        channel.path("messages").fields().forEachRemaining(entry -> {
            assertEquals("#/components/messages/" + entry.getKey(), entry.getValue().path("$ref").asText());
            names.add(entry.getKey());
        });
        return names;
    }

    private static Set<String> typeNames(Class<?> family) {
        return Arrays.stream(family.getPermittedSubclasses()).map(ContractFiles::typeName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String join(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return String.join(",", values);
    }
}
