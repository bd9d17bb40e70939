package com.livechat.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.testsupport.stack.Http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** An agent using the desktop: logged in on one gateway instance, with its WebSocket open. */
public final class AgentSession implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private final String gateway;
    private final String agentId;
    private final String token;
    private final SocketClient socket;

    private AgentSession(String gateway, String agentId, String token, SocketClient socket) {
        this.gateway = gateway;
        this.agentId = agentId;
        this.token = token;
        this.socket = socket;
    }

    public static AgentSession login(String gateway, String agentId) {
        String token = Fixtures.login(gateway, agentId);
        SocketClient socket = SocketClient.connect(gateway.replace("http://", "ws://") + "/ws/agent", token);
        socket.await("hello", WAIT);
        return new AgentSession(gateway, agentId, token, socket);
    }

    public String agentId() {
        return agentId;
    }

    public SocketClient socket() {
        return socket;
    }

    public String token() {
        return token;
    }

    /** Becomes AVAILABLE and waits until routing confirms it on the socket. */
    public AgentSession available() {
        return changeState("AVAILABLE", null);
    }

    public AgentSession changeState(String state, String idleCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", state);
        if (idleCode != null) {
            body.put("idleCode", idleCode);
        }
        int seen = socket.frames("agent-state").size();
        Http.put(gateway + "/api/agent/state", token, body).expect(202, 200, 204);
        socket.await("agent-state", frame -> socket.frames("agent-state").indexOf(frame) >= seen
                && state.equals(frame.path("state").asText()), WAIT);
        return this;
    }

    /** The texts of the {@code thread} an offer frame carries (the conversation's messages so far). */
    public static List<String> threadTexts(JsonNode offer) {
        return offer.path("thread").findValuesAsText("text");
    }

    /** Waits for the offer of {@code conversationId} on the socket. */
    public JsonNode awaitOffer(String conversationId) {
        return socket.await("offer", frame -> conversationId.equals(frame.path("conversationId").asText()), WAIT);
    }

    public Http.Response accept(String offerId) {
        return Http.post(gateway + "/api/agent/offers/" + offerId + "/accept", token, null);
    }

    /**
     * Accepts {@code offer} and waits until this agent is in the conversation: the {@code participant} frame with
     * {@code change: "joined"}, or for a conference the {@code conference} frame {@code status: "accepted"}, after
     * which the gateway's projections allow acting on the chat. Only frames after the accept count (an agent may
     * join the same chat a second time).
     */
    public void acceptAndJoin(JsonNode offer) {
        int from = socket.size();
        accept(offer.path("offerId").asText()).expect(202);
        String conversationId = offer.path("conversationId").asText();
        boolean conference = "CONFERENCE".equals(offer.path("kind").asText());
        socket.awaitFrom(from, conference ? "conference" : "participant",
                frame -> conversationId.equals(frame.path("conversationId").asText()) && isAboutMe(frame)
                        && (conference ? "accepted".equals(frame.path("status").asText())
                                : "joined".equals(frame.path("change").asText())), WAIT);
    }

    /** Takes the chat: waits for its offer, accepts it and waits until this agent has joined. */
    public void takeChat(String conversationId) {
        acceptAndJoin(awaitOffer(conversationId));
    }

    /** Waits for a frame of {@code type} about {@code conversationId} matching {@code condition}. */
    public JsonNode await(String type, String conversationId, Predicate<JsonNode> condition) {
        return socket.await(type, frame -> conversationId.equals(frame.path("conversationId").asText())
                && condition.test(frame), WAIT);
    }

    /** Whether a frame names this agent ({@code agentId}). */
    public boolean isAboutMe(JsonNode frame) {
        return agentId.equals(frame.path("agentId").asText());
    }

    /** The agent's presence as the gateway shows it ({@code state}, {@code activeChats}, {@code capacity}...). */
    public JsonNode presence() {
        return get("/api/agent/me").expect(200).body().path("presence");
    }

    public Http.Response send(String conversationId, String text) {
        return Http.post(gateway + "/api/conversations/" + conversationId + "/messages", token,
                Map.of("clientMessageId", UUID.randomUUID().toString(), "text", text));
    }

    public Http.Response end(String conversationId) {
        return Http.post(gateway + "/api/conversations/" + conversationId + "/end", token, null);
    }

    public Http.Response wrapUp(String conversationId, String reasonCode) {
        return Http.post(gateway + "/api/conversations/" + conversationId + "/wrap-up", token,
                Map.of("reasonCode", reasonCode, "note", "handled by " + agentId));
    }

    /** The transfer dialog's lists, read fresh. */
    public JsonNode transferTargets() {
        return get("/api/transfer-targets").expect(200).body();
    }

    public Http.Response transferToQueue(String conversationId, String queueId) {
        return Http.post(gateway + "/api/conversations/" + conversationId + "/transfer", token,
                Map.of("targetType", "QUEUE", "targetId", queueId));
    }

    public Http.Response transferToAgent(String conversationId, String targetAgentId) {
        return Http.post(gateway + "/api/conversations/" + conversationId + "/transfer", token,
                Map.of("targetType", "AGENT", "targetId", targetAgentId));
    }

    public Http.Response inviteToConference(String conversationId, String inviteeId) {
        return Http.post(gateway + "/api/conversations/" + conversationId + "/conference", token,
                Map.of("agentId", inviteeId));
    }

    public Http.Response endConference(String conversationId) {
        return Http.post(gateway + "/api/conversations/" + conversationId + "/conference/end", token, null);
    }

    public Http.Response get(String path) {
        return Http.get(gateway + path, token);
    }

    /** Waits for a message frame of {@code conversationId} whose text is {@code text}. */
    public JsonNode awaitMessage(String conversationId, String text) {
        return socket.await("message", frame -> conversationId.equals(frame.path("conversationId").asText())
                && text.equals(frame.path("text").asText()), WAIT);
    }

    @Override
    public void close() {
        socket.close();
    }
}
