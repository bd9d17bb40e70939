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
 * A gateway WebSocket of the load generator: hands every JSON frame to a handler on the socket's own thread, and
 * sends one frame at a time (the JDK client refuses a send while another is outstanding).
 */
final class BenchSocket implements WebSocket.Listener {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Consumer<JsonNode> handler;
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;

    private BenchSocket(Consumer<JsonNode> handler) {
        this.handler = handler;
    }

    static BenchSocket open(String url, String bearer, Consumer<JsonNode> handler) {
        BenchSocket client = new BenchSocket(handler);
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

    /** Sends one frame and waits until it is written. */
    synchronized void send(Object frame) {
        socket.sendText(EventJson.write(frame), true).join();
    }

    void close() {
        try {
            if (!socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench over").get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            socket.abort();
        }
    }
}
