package com.livechat.contracts.schema;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.LiveSignal;
import com.livechat.contracts.events.LivechatRecord;
import com.livechat.contracts.events.ReferenceData;
import com.livechat.contracts.events.RoutingCommand;
import com.livechat.contracts.events.RoutingEvent;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The checked-in contract files ({@code src/main/resources/contracts}) and the record types they describe. */
final class ContractFiles {

    /** Every family of records on the topics: the sealed interfaces whose permitted records travel. */
    static final List<Class<? extends LivechatRecord>> FAMILIES = List.of(ConversationCommand.class,
            ConversationEvent.class, RoutingCommand.class, RoutingEvent.class, ReferenceData.class,
            LiveSignal.class);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig STRICT_FORMATS = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private ContractFiles() {
    }

    static Stream<Class<?>> recordTypes() {
        return FAMILIES.stream().flatMap(family -> Arrays.stream(family.getPermittedSubclasses()));
    }

    /** The {@code type} a record carries: its name in its family's {@link JsonSubTypes}. */
    static String typeName(Class<?> recordType) {
        Class<?> family = Arrays.stream(recordType.getInterfaces()).filter(FAMILIES::contains).findFirst()
                .orElseThrow(() -> new AssertionError(recordType + " is in no family of " + FAMILIES));
        return Arrays.stream(family.getAnnotation(JsonSubTypes.class).value())
                .filter(type -> type.value().equals(recordType)).map(JsonSubTypes.Type::name).findFirst()
                .orElseThrow(() -> new AssertionError(recordType + " is missing from @JsonSubTypes of " + family));
    }

    static JsonNode asyncApi() {
        return yaml("contracts/asyncapi-kafka.yaml");
    }

    /** {@code schemas/<name>.json} as a JSON tree, or null when there is no such file. */
    static JsonNode schemaTree(String name) {
        String path = "contracts/schemas/" + name + ".json";
        try (InputStream in = ContractFiles.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }

    /** The validator of {@code schemas/<name>.json}, {@code format} (date-time) asserted. */
    static JsonSchema schema(String name) {
        return SCHEMAS.getSchema(SchemaLocation.of("classpath:contracts/schemas/" + name + ".json"), STRICT_FORMATS);
    }

    static JsonNode yaml(String classpathResource) {
        try (InputStream in = ContractFiles.class.getClassLoader().getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new AssertionError("No " + classpathResource + " on the class path");
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(classpathResource, e);
        }
    }
}
