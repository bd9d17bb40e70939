package com.livechat.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.livechat.contracts.events.SchemaVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSON Schemas under {@code contracts/schemas} describe the records exactly: one schema per record type, one per
 * enum and nested record that travels in them, no schema without a record; each schema's properties are the record's
 * components (plus {@code type} and {@code schemaVersion}) with the JSON type Jackson writes for them. A component
 * added to or removed from a record, or a record without its schema, fails here with what to write.
 */
class ContractSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Class<?>> recordTypes() {
        return ContractFiles.recordTypes();
    }

    @Test
    void everyRecordTypeHasASchemaAndEverySchemaDescribesATypeOfTheContract() throws URISyntaxException {
        Set<String> expected = new TreeSet<>();
        recordTypes().forEach(type -> {
            expected.add(ContractFiles.typeName(type));
            expected.addAll(nestedTypes(type).stream().map(Class::getSimpleName).toList());
        });
        File folder = new File(Objects.requireNonNull(getClass().getClassLoader().getResource("contracts/schemas"))
                .toURI());
        Set<String> files = Arrays.stream(Objects.requireNonNull(folder.list((dir, name) -> name.endsWith(".json"))))
                .map(name -> name.replaceFirst("\\.json$", "")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, files, "contracts/schemas must hold one <type>.json per record type, enum and nested "
                + "record of the Kafka contract, and no other .json (frame schemas go to schemas/frames/)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordTypes")
    void aRecordsSchemaHasExactlyItsComponents(Class<?> recordType) {
        String name = ContractFiles.typeName(recordType);
        JsonNode schema = ContractFiles.schemaTree(name);
        ObjectNode expected = expectedProperties(recordType, true);
        assertNotNull(schema, "No schema for " + name + ": write contracts/schemas/" + name + ".json with properties "
                + expected);
        assertEquals(name, schema.path("title").asText(), name + ".json: title");
        assertEquals(name, schema.at("/properties/type/const").asText(), name + ".json: type.const");
        assertEquals(SchemaVersion.CURRENT, schema.at("/properties/schemaVersion/const").asInt(),
                name + ".json: schemaVersion.const");
        assertProperties(name, expected, schema);
        assertRequired(name, recordType, schema, true);
    }

    @Test
    void nestedRecordsAndEnumsHaveTheirOwnSchemas() {
        Set<Class<?>> nested = new LinkedHashSet<>();
        recordTypes().forEach(type -> nested.addAll(nestedTypes(type)));
        for (Class<?> type : nested) {
            JsonNode schema = ContractFiles.schemaTree(type.getSimpleName());
            assertNotNull(schema, "No schema for " + type.getSimpleName());
            if (type.isEnum()) {
                List<String> values = Arrays.stream(type.getEnumConstants()).map(v -> ((Enum<?>) v).name()).toList();
                List<String> listed = JSON.convertValue(schema.get("enum"), JSON.getTypeFactory()
                        .constructCollectionType(List.class, String.class));
                assertEquals(values, listed, type.getSimpleName() + ".json: enum");
            } else {
                assertProperties(type.getSimpleName(), expectedProperties(type, false), schema);
                assertRequired(type.getSimpleName(), type, schema, false);
            }
        }
    }

    private static void assertProperties(String name, ObjectNode expected, JsonNode schema) {
        JsonNode properties = schema.get("properties");
        assertEquals(fieldNames(expected), fieldNames(properties), name + ".json: property names (the record's "
                + "components)");
        expected.fields().forEachRemaining(entry -> {
            if (entry.getValue().isEmpty()) {
                return; // type and schemaVersion: checked by their const
            }
            JsonNode actual = properties.get(entry.getKey()).deepCopy();
            ((ObjectNode) actual).remove("description");
            assertEquals(entry.getValue(), actual, name + ".json: property " + entry.getKey());
        });
    }

    /** Fields Jackson always writes (primitives, type, schemaVersion) are required; required names exist. */
    private static void assertRequired(String name, Class<?> type, JsonNode schema, boolean tagged) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(node -> required.add(node.asText()));
        Set<String> mustBe = new HashSet<>(tagged ? Set.of("type", "schemaVersion") : Set.of());
        Arrays.stream(type.getRecordComponents()).filter(c -> c.getType().isPrimitive())
                .forEach(c -> mustBe.add(c.getName()));
        assertTrue(required.containsAll(mustBe), name + ".json: required must list " + mustBe + ", has " + required);
        assertTrue(fieldNames(schema.get("properties")).containsAll(required),
                name + ".json: required names a property that does not exist: " + required);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** What the schema must say of each component, as Jackson writes it with {@code EventJson}. */
    private static ObjectNode expectedProperties(Class<?> recordType, boolean tagged) {
        ObjectNode properties = JSON.createObjectNode();
        if (tagged) {
            properties.putObject("type");
            properties.putObject("schemaVersion");
        }
        for (RecordComponent component : recordType.getRecordComponents()) {
            properties.set(component.getName(), expectedProperty(component.getGenericType()));
        }
        return properties;
    }

    private static ObjectNode expectedProperty(Type type) {
        ObjectNode property = JSON.createObjectNode();
        if (type == String.class) {
            property.put("type", "string");
        } else if (type == Instant.class) {
            property.put("type", "string").put("format", "date-time");
        } else if (type == boolean.class || type == Boolean.class) {
            property.put("type", "boolean");
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            property.put("type", "integer");
        } else if (type instanceof Class<?> c && (c.isEnum() || c.isRecord())) {
            property.put("$ref", c.getSimpleName() + ".json");
        } else if (type instanceof ParameterizedType p && p.getRawType() == Map.class
                && p.getActualTypeArguments()[0] == String.class) {
            property.put("type", "object").set("additionalProperties", expectedProperty(p.getActualTypeArguments()[1]));
        } else if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            property.put("type", "array").set("items", expectedProperty(p.getActualTypeArguments()[0]));
        } else {
            throw new AssertionError("No JSON Schema mapping for " + type.getTypeName()
                    + ": extend ContractSchemasTest.expectedProperty and the schemas");
        }
        return property;
    }

    /** The enums and records a record's components refer to (directly or as element types). */
    static Set<Class<?>> nestedTypes(Class<?> recordType) {
        Set<Class<?>> nested = new LinkedHashSet<>();
        for (RecordComponent component : recordType.getRecordComponents()) {
            collect(component.getGenericType(), nested);
        }
        return nested;
    }

    private static void collect(Type type, Set<Class<?>> nested) {
        if (type instanceof Class<?> c && (c.isEnum() || c.isRecord()) && nested.add(c) && c.isRecord()) {
            nested.addAll(nestedTypes(c));
        } else if (type instanceof ParameterizedType p) {
            Arrays.stream(p.getActualTypeArguments()).forEach(argument -> collect(argument, nested));
        }
    }
}
