package com.livechat.testsupport.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.contracts.json.EventJson;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A gateway WebSocket of the load generator (and of the fault-injection suite): hands every JSON frame to a handler
 * on the socket's own thread, and sends one frame at a time (the JDK client refuses a send while another is
 * outstanding). When the connection ends, closed by either side or broken, the optional {@code onClosed} runs once.
 */
public final class BenchSocket implements WebSocket.Listener {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Consumer<JsonNode> handler;
    private final Runnable onClosed;
    private final StringBuilder partial = new StringBuilder();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile WebSocket socket;

    private BenchSocket(Consumer<JsonNode> handler, Runnable onClosed) {
        this.handler = handler;
        this.onClosed = onClosed;
    }

    public static BenchSocket open(String url, String bearer, Consumer<JsonNode> handler) {
        return open(url, bearer, handler, () -> { });
    }

    /** Opens a socket; {@code onClosed} runs once when it ends (closed by the server, broken, or aborted). */
    public static BenchSocket open(String url, String bearer, Consumer<JsonNode> handler, Runnable onClosed) {
        BenchSocket client = new BenchSocket(handler, onClosed);
        try {
            client.socket = HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + bearer)
                    .connectTimeout(Duration.ofSeconds(15)).buildAsync(URI.create(url), client)
                    .get(30, TimeUnit.SECONDS);
            return client;
        } catch (Exception e) {
            throw new IllegalStateException("Could not open " + url + ": " + e, e);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            try {
                handler.accept(EventJson.mapper().readTree(text));
            } catch (Exception e) {
                System.err.println("bench: could not handle frame " + text + ": " + e);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        ended();
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        ended();
    }

    private void ended() {
        if (closed.compareAndSet(false, true)) {
            onClosed.run();
        }
    }

    /** Whether the connection has ended. */
    public boolean isClosed() {
        return closed.get();
    }

    /** Sends one frame and waits (at most 10 s) until it is written. */
    public synchronized void send(Object frame) {
        try {
            socket.sendText(EventJson.write(frame), true).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send on the socket: " + e, e);
        }
    }

    /** Drops the connection at once, without a closing handshake (as a network failure would). */
    public void abort() {
        socket.abort();
        ended();
    }

    public void close() {
        try {
            if (!socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench over").get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            socket.abort();
        }
    }
}
