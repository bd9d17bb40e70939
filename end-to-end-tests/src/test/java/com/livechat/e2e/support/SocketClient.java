package com.livechat.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.contracts.json.EventJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A WebSocket client of the gateway that keeps every JSON frame it receives, in order. */
public final class SocketClient implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean closed;
    private volatile int closeCode = -1;
    private WebSocket socket;

    private SocketClient() {
    }

    /** Opens {@code url} (ws://...) with the token as a bearer header. */
    public static SocketClient connect(String url, String bearer) {
        SocketClient client = new SocketClient();
        try {
            client.socket = HTTP.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + bearer)
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(url), client)
                    .get(15, TimeUnit.SECONDS);
            return client;
        } catch (Exception e) {
            throw new IllegalStateException("Could not open " + url + ": " + e, e);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(EventJson.mapper().readTree(partial.toString()));
                synchronized (frames) {
                    frames.notifyAll();
                }
            } catch (IOException e) {
                throw new IllegalStateException("The gateway sent a frame that is not JSON: " + partial, e);
            } finally {
                partial.setLength(0);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode = statusCode;
        closed = true;
        synchronized (frames) {
            frames.notifyAll();
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed = true;
        synchronized (frames) {
            frames.notifyAll();
        }
    }

    /**
     * Tries to open {@code url} with {@code bearer} (none when null) and returns the HTTP status of the refused
     * upgrade, or 101 when the gateway let the socket open (it is then closed at once).
     */
    public static int upgradeStatus(String url, String bearer) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        try {
            WebSocket opened = builder.buildAsync(URI.create(url), new WebSocket.Listener() {
            }).get(15, TimeUnit.SECONDS);
            opened.abort();
            return 101;
        } catch (Exception e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof WebSocketHandshakeException refused) {
                    return refused.getResponse().statusCode();
                }
            }
            throw new IllegalStateException("Upgrade to " + url + " neither opened nor was refused: " + e, e);
        }
    }

    public void send(Object frame) {
        socket.sendText(EventJson.write(frame), true).join();
    }

    /** Sends {@code text} as it is, JSON or not. */
    public void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends a binary frame (the gateway's sockets speak text only). */
    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** The close code the gateway sent, -1 while the socket is open (or when it was dropped without one). */
    public int closeCode() {
        return closeCode;
    }

    /** Waits up to {@code timeout} for the socket to be closed; whether it is. */
    public boolean awaitClosed(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!closed && Instant.now().isBefore(deadline)) {
            awaitNextFrame();
        }
        return closed;
    }

    /**
     * The first frame of {@code type} matching {@code condition}, waiting up to {@code timeout} for it. Returns as
     * soon as the frame arrives, so a test acts on it as fast as a desktop would.
     */
    public JsonNode await(String type, Predicate<JsonNode> condition, Duration timeout) {
        return awaitFrom(0, type, condition, timeout);
    }

    /**
     * Like {@link #await(String, Predicate, Duration)}, among the frames received from position {@code from} on
     * (the {@link #size()} before an action: only what came after it).
     */
    public JsonNode awaitFrom(int from, String type, Predicate<JsonNode> condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<JsonNode> received = List.copyOf(frames);
            for (JsonNode frame : received.subList(Math.min(from, received.size()), received.size())) {
                if (type.equals(frame.path("type").asText()) && condition.test(frame)) {
                    return frame;
                }
            }
            awaitNextFrame();
        }
        throw new AssertionError("No '" + type + "' frame matching the condition within " + timeout
                + "; received: " + frames);
    }

    public JsonNode await(String type, Duration timeout) {
        return await(type, frame -> true, timeout);
    }

    /** Every frame of {@code type} received so far. */
    public List<JsonNode> frames(String type) {
        return frames.stream().filter(frame -> type.equals(frame.path("type").asText())).toList();
    }

    public List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    /** How many frames were received so far. */
    public int size() {
        return frames.size();
    }

    public boolean isClosed() {
        return closed;
    }

    /** Drops the connection abruptly, as a lost network would. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!closed && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }

    /** Waits for the next frame; at most 50 ms, so one that arrived between the scan and the wait is seen soon. */
    private void awaitNextFrame() {
        try {
            synchronized (frames) {
                frames.wait(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
