package com.livechat.gateway.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.contracts.json.EventJson;
import com.livechat.gateway.audit.SupervisionAudit;
import com.livechat.gateway.command.AgentCommands;
import com.livechat.gateway.command.CustomerCommands;
import com.livechat.gateway.config.GatewayConfig;
import com.livechat.gateway.projection.ConversationStore;
import com.livechat.gateway.refusal.Refusal;
import com.livechat.gateway.socket.frame.ClientFrame;
import com.livechat.gateway.socket.frame.SharedFrame;
import com.livechat.platform.validation.MessageRules;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the client frames of both sockets ({@code ping}, {@code resume}, {@code send}, {@code typing}, {@code read}) into {@link ClientFrame}s and
 * answers them. A bad frame (oversized, not JSON, unknown type, invalid fields, over the rate limit) gets an
 * {@code error} frame with its correlation id when it has one; the connection and its other conversations carry on.
 */
@ApplicationScoped
public class SocketRequests {

    private static final int MAX_CLIENT_MESSAGE_ID = 100;

    /** A frame that could not be read: the error frame it gets instead. */
    private static final class Unreadable extends RuntimeException {

        private final SharedFrame.Error error;

        Unreadable(SharedFrame.Error error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }

    private final GatewayConfig config;
    private final SocketHub hub;
    private final AgentCommands agentCommands;
    private final CustomerCommands customerCommands;
    private final ConversationStore conversations;
    private final SupervisionAudit audit;
    private final TypingRelay typing;
    private final FrameSpans spans;

    public SocketRequests(GatewayConfig config, SocketHub hub, AgentCommands agentCommands,
            CustomerCommands customerCommands, ConversationStore conversations, SupervisionAudit audit,
            TypingRelay typing, FrameSpans spans) {
        this.spans = spans;
        this.config = config;
        this.hub = hub;
        this.agentCommands = agentCommands;
        this.customerCommands = customerCommands;
        this.conversations = conversations;
        this.audit = audit;
        this.typing = typing;
    }

    public Uni<Void> handle(ClientStream stream, String text) {
        return spans.traced(() -> handleFrame(stream, text));
    }

    private Uni<Void> handleFrame(ClientStream stream, String text) {
        // Every frame costs a token, whatever it holds, so floods of bad frames are limited too.
        boolean withinRate = stream.tryTakeToken();
        int size = text.getBytes(StandardCharsets.UTF_8).length;
        if (size > config.socket().maxFrameBytes()) {
            return refuse(stream, ErrorFrames.badFrame(null, null, "FRAME_TOO_LARGE", "Frames may hold at most "
                    + config.socket().maxFrameBytes() + " bytes; this one has " + size + "."));
        }
        JsonNode json;
        try {
            json = EventJson.mapper().readTree(text);
        } catch (Exception e) {
            return refuse(stream, ErrorFrames.badFrame(null, null, withinRate ? "MALFORMED_JSON" : "RATE_LIMITED",
                    withinRate ? "The frame is not valid JSON." : "Too many frames; wait a moment and send again."));
        }
        String correlationId = json != null && json.path("correlationId").isTextual()
                ? json.get("correlationId").asText() : null;
        if (!withinRate) {
            return refuse(stream, ErrorFrames.badFrame(correlationId, null, "RATE_LIMITED",
                    "Too many frames; wait a moment and send again."));
        }
        if (json == null || !json.isObject() || !json.path("type").isTextual()) {
            return refuse(stream, ErrorFrames.badFrame(correlationId, null, "INVALID_FRAME",
                    "A frame is a JSON object with a \"type\"."));
        }
        String type = json.get("type").asText();
        if (!"resume".equals(type)) {
            stream.noOpeningResume();
        }
        ClientFrame frame;
        try {
            frame = read(type, correlationId, json, stream.audience(), config.socket().maxResumeConversations());
        } catch (Unreadable unreadable) {
            stream.noOpeningResume();
            return refuse(stream, unreadable.error);
        }
        if (frame instanceof ClientFrame.Ping) {
            stream.push(new SharedFrame.Pong(correlationId));
        } else if (frame instanceof ClientFrame.Resume resume) {
            // Each conversation costs a check and a replay: it is charged to the socket's rate limit (the frame paid
            // for the first), all or nothing, so that resumes cannot multiply a flood.
            if (!stream.tryTakeTokens(resume.lastSeq().size() - 1)) {
                return refuse(stream, ErrorFrames.badFrame(correlationId, null, "RATE_LIMITED",
                        "Too many conversations resumed; wait a moment and send again."));
            }
            resume(stream, resume);
        } else if (frame instanceof ClientFrame.Send send) {
            return send(stream, send);
        } else if (frame instanceof ClientFrame.Typing signal) {
            return typing.handle(stream, signal).onFailure().recoverWithNull().replaceWithVoid();
        } else if (frame instanceof ClientFrame.Read read) {
            return read(stream, read);
        }
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> refuse(ClientStream stream, SharedFrame.Error error) {
        stream.push(error);
        return Uni.createFrom().voidItem();
    }

    /** The client frame {@code json} holds, checked; {@link Unreadable} with the error frame it gets otherwise. */
    private static ClientFrame read(String type, String correlationId, JsonNode json, ClientStream.Audience audience,
            int maxResume) {
        return switch (type) {
            case "ping" -> new ClientFrame.Ping(correlationId);
            case "resume" -> new ClientFrame.Resume(correlationId, lastSeq(correlationId, json.path("lastSeq"), maxResume));
            case "send" -> send(correlationId, json, audience);
            case "typing" -> typing(correlationId, json, audience);
            case "read" -> read(correlationId, json, audience);
            default -> throw new Unreadable(ErrorFrames.badFrame(correlationId, null, "UNKNOWN_TYPE",
                    "Unknown frame type \"" + type + "\"."));
        };
    }

    private static Map<String, Long> lastSeq(String correlationId, JsonNode positions, int maxResume) {
        if (!positions.isObject()) {
            throw new Unreadable(ErrorFrames.badFrame(correlationId, null, "INVALID_FRAME",
                    "resume needs \"lastSeq\": an object of conversation id to last seq seen."));
        }
        if (positions.size() > maxResume) {
            throw new Unreadable(ErrorFrames.badFrame(correlationId, null, "RESUME_TOO_LARGE",
                    "A resume may name at most " + maxResume + " conversations."));
        }
        Map<String, Long> lastSeq = new LinkedHashMap<>();
        var fields = positions.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!MessageRules.isPlainText(field.getKey())) {
                throw new Unreadable(ErrorFrames.badFrame(correlationId, null, "INVALID_FRAME",
                        "A conversation id in lastSeq " + MessageRules.CONTROL_CHARACTER_REASON + "."));
            }
            if (!field.getValue().canConvertToLong() || field.getValue().asLong() < 0) {
                throw new Unreadable(ErrorFrames.badFrame(correlationId, field.getKey(), "INVALID_FRAME",
                        "lastSeq of " + field.getKey() + " must be a number >= 0."));
            }
            lastSeq.put(field.getKey(), field.getValue().asLong());
        }
        return lastSeq;
    }

    private static ClientFrame.Send send(String correlationId, JsonNode json, ClientStream.Audience audience) {
        String conversationId = textOrNull(json, "conversationId");
        String clientMessageId = textOrNull(json, "clientMessageId");
        if (conversationId != null && !MessageRules.isPlainText(conversationId)) {
            throw new Unreadable(ErrorFrames.badFrame(correlationId, null, "VALIDATION_FAILED",
                    "conversationId " + MessageRules.CONTROL_CHARACTER_REASON + "."));
        }
        if (clientMessageId == null || clientMessageId.isBlank() || clientMessageId.length() > MAX_CLIENT_MESSAGE_ID
                || !MessageRules.isPlainText(clientMessageId)) {
            throw new Unreadable(ErrorFrames.badFrame(correlationId, conversationId, "VALIDATION_FAILED",
                    "clientMessageId is required (at most " + MAX_CLIENT_MESSAGE_ID + " characters, no control characters)."));
        }
        if (audience == ClientStream.Audience.AGENT && conversationId == null) {
            throw new Unreadable(ErrorFrames.badFrame(correlationId, null, "VALIDATION_FAILED",
                    "conversationId is required."));
        }
        return new ClientFrame.Send(correlationId, conversationId, clientMessageId, textOrNull(json, "text"));
    }

    /** A conversation id is plain text, and an agent's frame names one (a customer's socket is for one chat). */
    private static void checkConversationId(String correlationId, String conversationId,
            ClientStream.Audience audience) {
        if (conversationId != null && !MessageRules.isPlainText(conversationId)) {
            throw new Unreadable(ErrorFrames.badFrame(correlationId, null, "VALIDATION_FAILED",
                    "conversationId " + MessageRules.CONTROL_CHARACTER_REASON + "."));
        }
        if (audience == ClientStream.Audience.AGENT && conversationId == null) {
            throw new Unreadable(ErrorFrames.badFrame(correlationId, null, "VALIDATION_FAILED",
                    "conversationId is required."));
        }
    }

    private static ClientFrame.Typing typing(String correlationId, JsonNode json, ClientStream.Audience audience) {
        String conversationId = textOrNull(json, "conversationId");
        if (!json.path("typing").isBoolean()) {
            throw new Unreadable(ErrorFrames.badFrame(correlationId, conversationId, "INVALID_FRAME",
                    "typing needs \"typing\": true or false."));
        }
        checkConversationId(correlationId, conversationId, audience);
        return new ClientFrame.Typing(correlationId, conversationId, json.get("typing").asBoolean());
    }

    private static ClientFrame.Read read(String correlationId, JsonNode json, ClientStream.Audience audience) {
        String conversationId = textOrNull(json, "conversationId");
        JsonNode seq = json.path("seq");
        if (!seq.isIntegralNumber() || !seq.canConvertToLong() || seq.asLong() < 1) {
            throw new Unreadable(ErrorFrames.badFrame(correlationId, conversationId, "INVALID_FRAME",
                    "read needs \"seq\": the seq (a whole number >= 1) of the last message shown."));
        }
        checkConversationId(correlationId, conversationId, audience);
        return new ClientFrame.Read(correlationId, conversationId, seq.asLong());
    }

    /**
     * A read receipt: checked here (the sender's part in the chat, a seq no further than the last message projected),
     * then sent as a {@code MarkRead} command. Not acknowledged; a refusal gets an error frame.
     */
    private Uni<Void> read(ClientStream stream, ClientFrame.Read read) {
        String correlationId = read.correlationId();
        String conversationId = read.conversationId();
        Uni<String> command;
        if (stream.audience() == ClientStream.Audience.AGENT) {
            command = agentCommands.markRead(stream.agentId(), conversationId, read.seq());
        } else {
            if (conversationId != null && !conversationId.equals(stream.conversationId())) {
                return refuse(stream, ErrorFrames.conversationNotFound(correlationId, conversationId));
            }
            conversationId = stream.conversationId();
            command = customerCommands.markRead(conversationId, read.seq());
        }
        String target = conversationId;
        return command.onFailure().invoke(error -> stream.push(ErrorFrames.failed(correlationId, target, error)))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private void resume(ClientStream stream, ClientFrame.Resume resume) {
        hub.resume(stream, resume.correlationId(), resume.lastSeq(), conversationId ->
                stream.audience() == ClientStream.Audience.AGENT
                        ? agentCommands.requireReadable(stream.agentId(), conversationId).map(access -> true)
                                .onFailure(Refusal.class).recoverWithUni(() -> monitor(stream, conversationId))
                        : Uni.createFrom().item(conversationId.equals(stream.conversationId())));
    }

    /**
     * A supervisor (or administrator) resumes a conversation they take no part in: they monitor it, read-only (a
     * {@code send} is still refused, as for any non-participant). Audited once per socket and conversation, before
     * anything is replayed; from then on its frames are pushed to this socket live too.
     */
    private Uni<Boolean> monitor(ClientStream stream, String conversationId) {
        if (!stream.supervises()) {
            return Uni.createFrom().item(false);
        }
        return conversations.summary(conversationId).chain(summary -> {
            if (summary.isEmpty()) {
                return Uni.createFrom().item(false);
            }
            if (stream.monitors(conversationId)) {
                return Uni.createFrom().item(true);
            }
            return audit.record(stream.agentId(), stream.agentName(), SupervisionAudit.Action.MONITOR, conversationId)
                    .invoke(() -> hub.monitor(stream, conversationId)).replaceWith(true);
        });
    }

    private Uni<Void> send(ClientStream stream, ClientFrame.Send send) {
        String correlationId = send.correlationId();
        String conversationId = send.conversationId();
        Uni<String> command;
        if (stream.audience() == ClientStream.Audience.AGENT) {
            command = agentCommands.postMessage(stream.agentId(), conversationId, send.clientMessageId(), send.text());
        } else {
            if (conversationId != null && !conversationId.equals(stream.conversationId())) {
                return refuse(stream, ErrorFrames.conversationNotFound(correlationId, conversationId));
            }
            conversationId = stream.conversationId();
            command = customerCommands.postMessage(conversationId, send.clientMessageId(), send.text());
        }
        String target = conversationId;
        return command.invoke(commandId -> stream.push(new SharedFrame.Ack(commandId, target, send.clientMessageId(),
                        correlationId)))
                .onFailure().invoke(error -> stream.push(ErrorFrames.failed(correlationId, target, error)))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private static String textOrNull(JsonNode frame, String field) {
        JsonNode value = frame.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
