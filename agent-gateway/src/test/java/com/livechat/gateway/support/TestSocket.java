package com.livechat.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.contracts.json.EventJson;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.vertx.core.http.UpgradeRejectedException;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;


/**
 * A WebSocket client (a fresh {@link BasicWebSocketConnector} per connection) that keeps every frame received, and
 * checks each against its schema in the socket contract ({@link FrameSchemas}) as it arrives: a frame that drifts from
 * its schema, or of a type without one, fails the test that reads the frames or closes the socket.
 */
public final class TestSocket implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<Long> arrivalMillis = new CopyOnWriteArrayList<>();
    private final CompletableFuture<CloseReason> closeReason = new CompletableFuture<>();
    private final WebSocketClientConnection connection;

    private TestSocket(URI baseUri, String path, String token, boolean asSubprotocol, FrameSchemas.Channel channel) {
        this(baseUri, path, token, asSubprotocol, channel, null);
    }

    private TestSocket(URI baseUri, String path, String token, boolean asSubprotocol, FrameSchemas.Channel channel,
            String origin) {
        // Non-blocking: frames are handled on the connection's event loop, one after the other, in arrival order.
        BasicWebSocketConnector connector = BasicWebSocketConnector.create().baseUri(baseUri).path(path)
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .onTextMessage((c, text) -> {
                    try {
                        JsonNode frame = EventJson.mapper().readTree(text);
                        arrivalMillis.add(System.currentTimeMillis());
                        violations.addAll(FrameSchemas.violations(channel, frame));
                        frames.add(frame);
                    } catch (IOException e) {
                        throw new IllegalStateException("Not JSON: " + text, e);
                    }
                })
                .onClose((c, reason) -> closeReason.complete(reason));
        if (token != null && asSubprotocol) {
            connector.addSubprotocol("bearer-token-carrier")
                    .addSubprotocol("quarkus-http-upgrade#Authorization#Bearer " + token);
        } else if (token != null) {
            connector.addHeader("Authorization", "Bearer " + token);
        }
        if (origin != null) {
            connector.addHeader("Origin", origin);
        }
        connection = connector.connectAndAwait();
    }

    public static TestSocket agent(URI baseUri, String token) {
        return new TestSocket(baseUri, "/ws/agent", token, false, FrameSchemas.Channel.AGENT);
    }

    public static TestSocket agentWithSubprotocol(URI baseUri, String token) {
        return new TestSocket(baseUri, "/ws/agent", token, true, FrameSchemas.Channel.AGENT);
    }

    public static TestSocket customer(URI baseUri, String conversationId, String token) {
        return new TestSocket(baseUri, "/ws/customer/" + conversationId, token, false, FrameSchemas.Channel.CUSTOMER);
    }

    public static TestSocket supervisor(URI baseUri, String token) {
        return new TestSocket(baseUri, "/ws/supervisor", token, false, FrameSchemas.Channel.SUPERVISOR);
    }

    /** A customer socket opened by a page of {@code origin} (a browser's {@code Origin} header). */
    public static TestSocket customerFrom(URI baseUri, String conversationId, String token, String origin) {
        return new TestSocket(baseUri, "/ws/customer/" + conversationId, token, false, FrameSchemas.Channel.CUSTOMER,
                origin);
    }

    /** The HTTP status with which the server refused the upgrade; fails when it was accepted or failed otherwise. */
    public static int refusedUpgrade(Supplier<TestSocket> connect) {
        try (TestSocket accepted = connect.get()) {
            throw new AssertionError("The upgrade was accepted");
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof UpgradeRejectedException rejected) {
                    return rejected.getStatus();
                }
            }
            throw new AssertionError("The connection failed without a refused upgrade", e);
        }
    }

    public void send(Object frame) {
        sendText(frame instanceof String text ? text : EventJson.write(frame));
    }

    public void sendText(String text) {
        connection.sendTextAndAwait(text);
    }

    public JsonNode await(String type) {
        return await(type, frame -> true);
    }

    public JsonNode await(String type, Predicate<JsonNode> condition) {
        return Awaitility.await().atMost(WAIT).until(() -> find(type, condition), found -> found != null);
    }

    public JsonNode find(String type, Predicate<JsonNode> condition) {
        assertFramesMatchTheirSchemas();
        return frames.stream().filter(f -> type.equals(f.path("type").asText()) && condition.test(f)).findFirst().orElse(null);
    }

    public List<JsonNode> frames(String type) {
        assertFramesMatchTheirSchemas();
        return frames.stream().filter(f -> type.equals(f.path("type").asText())).toList();
    }

    public List<JsonNode> frames() {
        assertFramesMatchTheirSchemas();
        return List.copyOf(frames);
    }

    /** Waits until {@code count} frames of {@code type} match. */
    public List<JsonNode> awaitCount(String type, Predicate<JsonNode> condition, int count) {
        Awaitility.await().atMost(WAIT).until(() -> frames(type).stream().filter(condition).count() >= count);
        return frames(type).stream().filter(condition).toList();
    }

    /** When each frame of {@link #frames()} arrived (epoch millis), same order. */
    public List<Long> arrivalMillis() {
        return List.copyOf(arrivalMillis);
    }

    /** Waits until the server closes the connection; its close code. */
    public int awaitClosedByServer() {
        try {
            return closeReason.get(WAIT.toSeconds(), TimeUnit.SECONDS).getCode();
        } catch (Exception e) {
            throw new AssertionError("The server did not close the socket within " + WAIT, e);
        }
    }

    public boolean isOpen() {
        return connection.isOpen();
    }

    /** Fails with every frame received so far that does not match its schema. */
    public void assertFramesMatchTheirSchemas() {
        if (!violations.isEmpty()) {
            throw new AssertionError("Frames that do not match the socket contract:\n" + String.join("\n", violations));
        }
    }

    @Override
    public void close() {
        if (connection.isOpen()) {
            connection.closeAndAwait();
        }
        assertFramesMatchTheirSchemas();
    }
}
