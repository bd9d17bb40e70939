package com.livechat.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.testsupport.stack.Http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** A website visitor using the chat widget on one gateway instance. */
public final class CustomerSession implements AutoCloseable {

    private static final Duration WAIT = AgentSession.WAIT;

    private final String gateway;
    private final String conversationId;
    private final String token;
    private final SocketClient socket;

    private CustomerSession(String gateway, String conversationId, String token, SocketClient socket) {
        this.gateway = gateway;
        this.conversationId = conversationId;
        this.token = token;
        this.socket = socket;
    }

    /** Starts a chat in {@code queueId} and opens the customer socket. */
    public static CustomerSession start(String gateway, String queueId, String name, String email, String phone) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", name);
        customer.put("email", email);
        customer.put("phone", phone);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("queueId", queueId);
        body.put("customer", customer);
        body.put("attributes", Map.of("orderNumber", "A-1042"));
        JsonNode started = Http.post(gateway + "/api/chats", null, body).expect(201).body();
        String conversationId = started.get("conversationId").asText();
        String token = started.get("token").asText();
        SocketClient socket = SocketClient.connect(
                gateway.replace("http://", "ws://") + "/ws/customer/" + conversationId, token);
        return new CustomerSession(gateway, conversationId, token, socket);
    }

    public String conversationId() {
        return conversationId;
    }

    public String token() {
        return token;
    }

    public SocketClient socket() {
        return socket;
    }

    public Http.Response send(String text) {
        return Http.post(gateway + "/api/chats/" + conversationId + "/messages", token,
                Map.of("clientMessageId", UUID.randomUUID().toString(), "text", text));
    }

    /** Sends {@code text} and waits until {@code agent}'s desktop shows it. */
    public void sendSeenBy(AgentSession agent, String text) {
        send(text).expect(202);
        agent.awaitMessage(conversationId, text);
    }

    public Http.Response end() {
        return Http.post(gateway + "/api/chats/" + conversationId + "/end", token, null);
    }

    public JsonNode awaitMessage(String text) {
        return socket.await("message", frame -> text.equals(frame.path("text").asText()), WAIT);
    }

    /** Waits for a frame of {@code type} matching {@code condition}. */
    public JsonNode await(String type, Predicate<JsonNode> condition) {
        return socket.await(type, condition, WAIT);
    }

    @Override
    public void close() {
        socket.close();
    }
}
