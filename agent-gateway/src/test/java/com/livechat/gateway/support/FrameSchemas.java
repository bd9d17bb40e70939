package com.livechat.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The socket contract of {@code livechat-contracts} ({@code contracts/schemas/socket/}): the JSON Schema of each frame
 * kind, by socket and {@code type}, and the check of a frame against it. Schemas name each other by their {@code $id}
 * (under {@link #ID_PREFIX}), read here from the classpath.
 */
public final class FrameSchemas {

    public static final String ID_PREFIX = "https://livechat.example/contracts/";
    private static final String ROOT = "contracts/schemas/socket/";

    /** Who sends a frame, and on which socket: each has its own folder of schemas, the shared ones besides. */
    public enum Channel {
        AGENT("agent", "shared"), CUSTOMER("customer", "shared"), SUPERVISOR("supervisor", "shared"), CLIENT("client");

        private final List<String> folders;

        Channel(String... folders) {
            this.folders = List.of(folders);
        }

        public List<String> folders() {
            return folders;
        }
    }

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(ID_PREFIX, "classpath:contracts/")));
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private FrameSchemas() {
    }

    /** Why {@code frame} does not match its schema on {@code channel}; empty when it does. */
    public static List<String> violations(Channel channel, JsonNode frame) {
        String type = frame.path("type").asText(null);
        if (type == null) {
            return List.of(channel + " frame without a type: " + frame);
        }
        Optional<JsonSchema> schema = schema(channel, type);
        if (schema.isEmpty()) {
            return List.of("No schema for the " + channel + " frame type \"" + type + "\" (in " + ROOT
                    + String.join("/ or ", channel.folders()) + "/): " + frame);
        }
        return schema.get().validate(frame).stream()
                .map(ValidationMessage::getMessage)
                .map(message -> channel + " frame \"" + type + "\" does not match its schema: " + message + " in " + frame)
                .sorted().toList();
    }

    /** The schema of a frame type on a channel: its own folder first, then the shared one. */
    public static Optional<JsonSchema> schema(Channel channel, String type) {
        return file(channel, type).map(file -> SCHEMAS.computeIfAbsent(file,
                found -> FACTORY.getSchema(SchemaLocation.of(ID_PREFIX + found))));
    }

    /** The schema file of a frame type on a channel, relative to {@code contracts/}, if there is one. */
    public static Optional<String> file(Channel channel, String type) {
        return channel.folders().stream().map(folder -> "schemas/socket/" + folder + "/" + type + ".json")
                .filter(file -> FrameSchemas.class.getClassLoader().getResource("contracts/" + file) != null)
                .findFirst();
    }

    /** Every schema file of the socket contract, relative to {@code contracts/} (e.g. {@code schemas/socket/agent/offer.json}). */
    public static List<String> files() {
        URL root = FrameSchemas.class.getClassLoader().getResource(ROOT);
        if (root == null) {
            throw new IllegalStateException(ROOT + " is not on the classpath");
        }
        try {
            URI uri = root.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return list(Path.of(uri));
            }
            // The contracts module's jar (a build of this module alone).
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return list(jar.getPath("/" + ROOT));
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Cannot list " + root, e);
        }
    }

    private static List<String> list(Path base) throws IOException {
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(path -> path.toString().endsWith(".json"))
                    .map(path -> "schemas/socket/" + base.relativize(path).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
