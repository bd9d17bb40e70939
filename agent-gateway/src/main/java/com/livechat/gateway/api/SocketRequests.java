package com.livechat.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.livechat.gateway.config.GatewayConfig;
import com.livechat.gateway.domain.AgentCommands;
import com.livechat.gateway.domain.CustomerCommands;
import com.livechat.contracts.json.EventJson;
import com.livechat.platform.problem.ApiException;
import com.livechat.platform.validation.MessageRules;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the client frames of both sockets ({@code ping}, {@code resume}, {@code send}). A bad frame (oversized,
 * not JSON, unknown type, invalid fields, over the rate limit) gets an {@code error} frame with its correlation id
 * when it has one; the connection and its other conversations carry on.
 */
@ApplicationScoped
public class SocketRequests {

    private static final Logger LOG = Logger.getLogger(SocketRequests.class);
    private static final int MAX_CLIENT_MESSAGE_ID = 100;

    private final GatewayConfig config;
    private final SocketHub hub;
    private final AgentCommands agentCommands;
    private final CustomerCommands customerCommands;

    public SocketRequests(GatewayConfig config, SocketHub hub, AgentCommands agentCommands,
            CustomerCommands customerCommands) {
        this.config = config;
        this.hub = hub;
        this.agentCommands = agentCommands;
        this.customerCommands = customerCommands;
    }

    public Uni<Void> handle(ClientStream stream, String text) {
        // Every frame costs a token, whatever it holds, so floods of bad frames are limited too.
        boolean withinRate = stream.tryTakeToken();
        int size = text.getBytes(StandardCharsets.UTF_8).length;
        if (size > config.socket().maxFrameBytes()) {
            stream.push(Frames.error(null, null, "FRAME_TOO_LARGE", "Frames may hold at most "
                    + config.socket().maxFrameBytes() + " bytes; this one has " + size + "."));
            return Uni.createFrom().voidItem();
        }
        JsonNode frame;
        try {
            frame = EventJson.mapper().readTree(text);
        } catch (Exception e) {
            stream.push(Frames.error(null, null, withinRate ? "MALFORMED_JSON" : "RATE_LIMITED",
                    withinRate ? "The frame is not valid JSON." : "Too many frames; wait a moment and send again."));
            return Uni.createFrom().voidItem();
        }
        String correlationId = frame != null && frame.path("correlationId").isTextual()
                ? frame.get("correlationId").asText() : null;
        if (!withinRate) {
            stream.push(Frames.error(correlationId, null, "RATE_LIMITED",
                    "Too many frames; wait a moment and send again."));
            return Uni.createFrom().voidItem();
        }
        if (frame == null || !frame.isObject() || !frame.path("type").isTextual()) {
            stream.push(Frames.error(correlationId, null, "INVALID_FRAME", "A frame is a JSON object with a \"type\"."));
            return Uni.createFrom().voidItem();
        }
        String type = frame.get("type").asText();
        if (!"resume".equals(type)) {
            stream.noOpeningResume();
        }
        return switch (type) {
            case "ping" -> {
                ObjectNode pong = Frames.frame("pong");
                if (correlationId != null) {
                    pong.put("correlationId", correlationId);
                }
                stream.push(pong);
                yield Uni.createFrom().voidItem();
            }
            case "resume" -> resume(stream, correlationId, frame);
            case "send" -> send(stream, correlationId, frame);
            default -> {
                stream.push(Frames.error(correlationId, null, "UNKNOWN_TYPE", "Unknown frame type \"" + type + "\"."));
                yield Uni.createFrom().voidItem();
            }
        };
    }

    private Uni<Void> resume(ClientStream stream, String correlationId, JsonNode frame) {
        JsonNode positions = frame.path("lastSeq");
        if (!positions.isObject()) {
            stream.noOpeningResume();
            stream.push(Frames.error(correlationId, null, "INVALID_FRAME",
                    "resume needs \"lastSeq\": an object of conversation id to last seq seen."));
            return Uni.createFrom().voidItem();
        }
        Map<String, Long> lastSeq = new LinkedHashMap<>();
        var fields = positions.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (MessageRules.hasControlCharacters(field.getKey())) {
                stream.noOpeningResume();
                stream.push(Frames.error(correlationId, null, "INVALID_FRAME",
                        "A conversation id in lastSeq " + MessageRules.CONTROL_CHARACTER_REASON + "."));
                return Uni.createFrom().voidItem();
            }
            if (!field.getValue().canConvertToLong() || field.getValue().asLong() < 0) {
                stream.noOpeningResume();
                stream.push(Frames.error(correlationId, field.getKey(), "INVALID_FRAME",
                        "lastSeq of " + field.getKey() + " must be a number >= 0."));
                return Uni.createFrom().voidItem();
            }
            lastSeq.put(field.getKey(), field.getValue().asLong());
        }
        hub.resume(stream, correlationId, lastSeq, conversationId -> stream.audience() == ClientStream.Audience.AGENT
                ? agentCommands.requireReadable(stream.agentId(), conversationId).map(access -> true)
                        .onFailure(ApiException.class).recoverWithItem(false)
                : Uni.createFrom().item(conversationId.equals(stream.conversationId())));
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> send(ClientStream stream, String correlationId, JsonNode frame) {
        String conversationId = textOrNull(frame, "conversationId");
        String clientMessageId = textOrNull(frame, "clientMessageId");
        String text = textOrNull(frame, "text");
        if (conversationId != null && MessageRules.hasControlCharacters(conversationId)) {
            stream.push(Frames.error(correlationId, null, "VALIDATION_FAILED",
                    "conversationId " + MessageRules.CONTROL_CHARACTER_REASON + "."));
            return Uni.createFrom().voidItem();
        }
        if (clientMessageId == null || clientMessageId.isBlank() || clientMessageId.length() > MAX_CLIENT_MESSAGE_ID
                || MessageRules.hasControlCharacters(clientMessageId)) {
            stream.push(Frames.error(correlationId, conversationId, "VALIDATION_FAILED",
                    "clientMessageId is required (at most " + MAX_CLIENT_MESSAGE_ID + " characters, no control characters)."));
            return Uni.createFrom().voidItem();
        }
        Uni<String> command;
        if (stream.audience() == ClientStream.Audience.AGENT) {
            if (conversationId == null) {
                stream.push(Frames.error(correlationId, null, "VALIDATION_FAILED", "conversationId is required."));
                return Uni.createFrom().voidItem();
            }
            command = agentCommands.postMessage(stream.agentId(), conversationId, clientMessageId, text);
        } else {
            if (conversationId != null && !conversationId.equals(stream.conversationId())) {
                stream.push(Frames.error(correlationId, conversationId, "NOT_FOUND",
                        "Conversation " + conversationId + " was not found."));
                return Uni.createFrom().voidItem();
            }
            conversationId = stream.conversationId();
            command = customerCommands.postMessage(conversationId, clientMessageId, text);
        }
        String target = conversationId;
        return command.invoke(commandId -> {
            ObjectNode ack = Frames.frame("ack").put("commandId", commandId).put("conversationId", target)
                    .put("clientMessageId", clientMessageId);
            if (correlationId != null) {
                ack.put("correlationId", correlationId);
            }
            stream.push(ack);
        }).onFailure().invoke(error -> stream.push(errorFrame(correlationId, target, error)))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private static ObjectNode errorFrame(String correlationId, String conversationId, Throwable error) {
        if (error instanceof ApiException api) {
            var problem = api.toProblem();
            return Frames.error(correlationId, conversationId, problem.code(), problem.detail()).put("status", problem.status());
        }
        LOG.error("Socket request failed", error);
        return Frames.error(correlationId, conversationId, "INTERNAL", "The request could not be completed.");
    }

    private static String textOrNull(JsonNode frame, String field) {
        JsonNode value = frame.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
