package com.livechat.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.Customer;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.QueueReason;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.SenderType;
import com.livechat.contracts.events.WithdrawReason;
import com.livechat.contracts.json.EventJson;
import com.livechat.gateway.config.GatewayConfig;
import com.livechat.gateway.domain.AgentCommands;
import com.livechat.gateway.domain.ConversationStore;
import com.livechat.gateway.domain.PresenceStore;
import com.livechat.gateway.domain.TokenBucket;
import com.livechat.gateway.messaging.ConversationEventConsumer;
import com.livechat.gateway.messaging.RoutingEventConsumer;
import com.livechat.platform.problem.ApiException;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Captures the JSON of every frame kind as the ObjectNode code of fdc978f builds it, from fixed inputs, into
 * src/test/resources/frames/golden-frames.json: the typed frame records that replace this code must produce the same
 * JSON (FrameRecordsTest). Run once before the change, then removed with the code it exercises.
 */
class FrameGoldenCapture {

    static final Instant T = Instant.parse("2026-01-02T03:04:05.123456Z");
    static final String C = "c-1";

    private final Map<String, JsonNode> golden = new LinkedHashMap<>();

    @Test
    void capture() throws Exception {
        // Agent frames of conversation events.
        agent("message-agent", new ConversationEvent.MessagePosted("e", C, 7L, T, "m-1", SenderType.AGENT, "agent-1",
                "Alice", Audience.EVERYONE, "Hello"));
        agent("message-agent-nulls", new ConversationEvent.MessagePosted("e", C, 8L, T, "m-2", SenderType.CUSTOMER, null,
                null, Audience.AGENTS, "Hi"));
        agent("conversation-started", new ConversationEvent.ConversationStarted("e", C, 1L, T, "q-1", "Support",
                new Customer("Jean", "jean@example.com", null), Map.of("orderId", "42"), true));
        agent("conversation-started-nulls", new ConversationEvent.ConversationStarted("e", C, 1L, null, "q-1", null,
                null, null, false));
        agent("conversation-state-queued", new ConversationEvent.ConversationQueued("e", C, 2L, T, "q-1", "Support",
                "Jean", false, T, QueueReason.NEW));
        agent("conversation-state-queued-nulls", new ConversationEvent.ConversationQueued("e", C, 2L, T, "q-1", null,
                null, false, null, null));
        agent("conversation-state", new ConversationEvent.ConversationStateChanged("e", C, 3L, T,
                ConversationState.QUEUED, ConversationState.OFFERED, "OFFERED"));
        agent("conversation-state-nulls", new ConversationEvent.ConversationStateChanged("e", C, 3L, T, null,
                ConversationState.QUEUED, null));
        agent("customer-ended", new ConversationEvent.ConversationStateChanged("e", C, 9L, T,
                ConversationState.CONNECTED, ConversationState.CUSTOMER_ENDED, "CUSTOMER_LEFT"));
        agent("interrupted", new ConversationEvent.ConversationStateChanged("e", C, 9L, T,
                ConversationState.CONNECTED, ConversationState.INTERRUPTED, "QUEUE_DELETED"));
        agent("transfer", new ConversationEvent.AgentOfferRequested("e", C, 10L, T, OfferKind.TRANSFER, "agent-2",
                "agent-1", "q-1", "Support", "Jean", false, T));
        agent("transfer-to-queue", new ConversationEvent.AgentOfferRequested("e", C, 10L, T, OfferKind.TRANSFER, null,
                "agent-1", "q-2", null, "Jean", false, T));
        agent("conference-requested", new ConversationEvent.AgentOfferRequested("e", C, 11L, T, OfferKind.CONFERENCE,
                "agent-2", "agent-1", "q-1", "Support", "Jean", false, T));
        agent("conference-participant", new ConversationEvent.ParticipantStateChanged("e", C, 12L, T, "agent-2", "Bob",
                ParticipantState.OFFERED, ParticipantState.CONFERENCE, "ACCEPTED"));
        agent("participant", new ConversationEvent.ParticipantStateChanged("e", C, 13L, T, "agent-1", "Alice",
                ParticipantState.OFFERED, ParticipantState.ACTIVE, "ASSIGNED"));
        agent("participant-nulls", new ConversationEvent.ParticipantStateChanged("e", C, 13L, T, "agent-1", null,
                null, ParticipantState.ACTIVE, null));
        agent("wrap-up-recorded", new ConversationEvent.WrapUpRecorded("e", C, 14L, T, "agent-1", "SOLVED", "Solved",
                "a note"));
        agent("wrap-up-recorded-nulls", new ConversationEvent.WrapUpRecorded("e", C, 14L, T, "agent-1", "SOLVED", null,
                null));

        // Customer frames of conversation events.
        customer("customer-message", new ConversationEvent.MessagePosted("e", C, 7L, T, "m-1", SenderType.AGENT,
                "agent-1", "Alice", Audience.EVERYONE, "Hello"));
        customer("customer-message-nulls", new ConversationEvent.MessagePosted("e", C, 7L, T, "m-1", SenderType.SYSTEM,
                null, null, Audience.CUSTOMER, "Notice"));
        customer("customer-agent-joined", new ConversationEvent.ParticipantStateChanged("e", C, 13L, T, "agent-1", "Alice",
                ParticipantState.OFFERED, ParticipantState.ACTIVE, "ASSIGNED"));
        customer("customer-agent-left", new ConversationEvent.ParticipantStateChanged("e", C, 15L, T, "agent-1", "Alice",
                ParticipantState.ACTIVE, ParticipantState.WRAP_UP, "ENDED"));
        customer("customer-conversation-ended", new ConversationEvent.ConversationStateChanged("e", C, 16L, T,
                ConversationState.CONNECTED, ConversationState.ENDED, "AGENT_ENDED"));
        customer("customer-conversation-ended-nulls", new ConversationEvent.ConversationStateChanged("e", C, 16L, T,
                ConversationState.QUEUED, ConversationState.ABANDONED, null));

        put("error-full", Frames.error("corr-1", C, "NOT_FOUND", "Conversation c-1 was not found."));
        put("error-bare", Frames.error(null, null, "MALFORMED_JSON", "The frame is not valid JSON."));

        routingPushes();
        rejections();
        offerAndHellos();
        requests();

        Path out = Path.of("src/test/resources/frames/golden-frames.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(golden) + "\n");
    }

    private void routingPushes() throws Exception {
        List<ObjectNode> sent = new ArrayList<>();
        SocketHub hub = capturingHub(sent);
        RoutingEventConsumer consumer = new RoutingEventConsumer(null, null, null, null, null, hub, null);
        Method push = RoutingEventConsumer.class.getDeclaredMethod("push", RoutingEvent.class);
        push.setAccessible(true);
        push.invoke(consumer, new RoutingEvent.OfferWithdrawn("e", T, "o-1", C, OfferKind.QUEUE, "agent-1",
                WithdrawReason.RONA_TIMEOUT));
        push.invoke(consumer, new RoutingEvent.OfferWithdrawn("e", T, "o-1", C, null, "agent-1", null));
        push.invoke(consumer, new RoutingEvent.ChatAssigned("e", T, "o-1", C, OfferKind.QUEUE, "agent-1", "Alice"));
        push.invoke(consumer, new RoutingEvent.ChatAssigned("e", T, "o-1", C, null, "agent-1", "Alice"));
        push.invoke(consumer, new RoutingEvent.AgentStateChanged("e", T, "agent-1", "Alice", AgentState.IDLE,
                AgentState.AVAILABLE, "LUNCH", "AGENT_REQUEST", 1, 3, List.of("q-1")));
        push.invoke(consumer, new RoutingEvent.AgentStateChanged("e", null, "agent-1", null, AgentState.AVAILABLE,
                null, null, null, 0, 2, null));
        push.invoke(consumer, new RoutingEvent.QueuePositionChanged("e", T, C, "q-1", 3));
        push.invoke(consumer, new RoutingEvent.RoutingCommandRejected("e", T, "cmd-1", "agent-1", C,
                RejectionCode.OFFER_NOT_PENDING, "Offer o-1 is not pending."));
        push.invoke(consumer, new RoutingEvent.RoutingCommandRejected("e", T, "cmd-1", "agent-1", null, null,
                "Refused"));
        String[] names = {"offer-withdrawn", "offer-withdrawn-nulls", "offer-accepted", "offer-accepted-nulls",
                "agent-state", "agent-state-nulls", "customer-queue-position", "error-routing-rejected",
                "error-routing-rejected-nulls"};
        for (int i = 0; i < names.length; i++) {
            put(names[i], sent.get(i));
        }
    }

    private void rejections() throws Exception {
        List<ObjectNode> sent = new ArrayList<>();
        ConversationEventConsumer consumer = new ConversationEventConsumer(null, null, capturingHub(sent), null);
        Method push = ConversationEventConsumer.class.getDeclaredMethod("pushRejection",
                ConversationEvent.CommandRejected.class);
        push.setAccessible(true);
        push.invoke(consumer, new ConversationEvent.CommandRejected("e", C, null, T, "cmd-2", SenderType.AGENT,
                "agent-1", RejectionCode.ILLEGAL_STATE, "Refused"));
        push.invoke(consumer, new ConversationEvent.CommandRejected("e", C, null, T, "cmd-3", SenderType.CUSTOMER,
                null, null, "Refused"));
        put("error-conversation-rejected", sent.get(0));
        put("customer-error-conversation-rejected", sent.get(1));
    }

    private void offerAndHellos() {
        ConversationStore store = store(List.of(
                new ConversationEvent.ConversationStarted("e", C, 1L, T, "q-1", "Support", new Customer("Jean", null, null),
                        Map.of(), false),
                new ConversationEvent.MessagePosted("e", C, 2L, T, "m-1", SenderType.CUSTOMER, null, "Jean",
                        Audience.EVERYONE, "Hello?"),
                new ConversationEvent.MessagePosted("e", C, 3L, T, "m-2", SenderType.SYSTEM, null, null,
                        Audience.CUSTOMER, "Please wait")),
                Optional.of(new ConversationStore.Summary(C, ConversationState.QUEUED, "Jean", "q-1", "Support", false, T,
                        3L, T, 2)));
        OfferViews offerViews = new OfferViews(store);
        RoutingEvent.ChatOffered offered = new RoutingEvent.ChatOffered("e", T, "o-1", C, OfferKind.QUEUE, "agent-1",
                "Alice", "q-1", "Support", "Jean", false, T.minusSeconds(30), T.plusSeconds(30), null);
        RoutingEvent.ChatOffered transfer = new RoutingEvent.ChatOffered("e", T, "o-2", C, OfferKind.TRANSFER, "agent-1",
                null, "q-1", null, null, true, null, T.plusSeconds(30), "agent-2");
        OfferViews.OfferView view = offerViews.view(offered).await().indefinitely();
        OfferViews.OfferView transferView = offerViews.view(transfer).await().indefinitely();
        put("offer", OfferViews.frame(view));
        put("offer-nulls", OfferViews.frame(transferView));

        // The agent's hello.
        List<String> texts = new ArrayList<>();
        ClientStream agentStream = ClientStream.forAgent(connection(new MapUserData(), texts), "agent-1",
                new TokenBucket(20, 10, System::nanoTime));
        AgentSnapshot snapshot = new AgentSnapshot(null, null, offerViews, null) {
            @Override
            public Uni<Views.PresenceView> presence(String agentId) {
                return Uni.createFrom().item(Views.PresenceView.of(new PresenceStore.Presence("agent-1", "Alice",
                        AgentState.AVAILABLE, null, 1, 3, List.of("q-1"))));
            }

            @Override
            public Uni<List<OfferViews.OfferView>> offers(String agentId) {
                return Uni.createFrom().item(List.of(view));
            }

            @Override
            public Uni<List<Views.ConversationView>> conversations(String agentId) {
                return Uni.createFrom().item(List.of(Views.ConversationView.of(new ConversationStore.Participation(
                        new ConversationStore.Summary("c-2", ConversationState.CONNECTED, "Marie", "q-1", "Support",
                                false, T, 12L, T, null), "agent-1", ParticipantState.ACTIVE, null, null, T))));
            }
        };
        snapshot.hello(agentStream, "Alice").await().indefinitely();
        put("hello", texts.get(0));
        texts.clear();
        AgentSnapshot empty = new AgentSnapshot(null, null, offerViews, null) {
            @Override
            public Uni<Views.PresenceView> presence(String agentId) {
                return Uni.createFrom().item(Views.PresenceView.of(null));
            }

            @Override
            public Uni<List<OfferViews.OfferView>> offers(String agentId) {
                return Uni.createFrom().item(List.of());
            }

            @Override
            public Uni<List<Views.ConversationView>> conversations(String agentId) {
                return Uni.createFrom().item(List.of());
            }
        };
        empty.hello(agentStream, null).await().indefinitely();
        put("hello-empty", texts.get(0));

        // The customer's hello: with a summary, with a summary without state, without a summary.
        customerHello("customer-hello", store);
        customerHello("customer-hello-no-state", store(List.of(), Optional.of(new ConversationStore.Summary(C, null, null,
                null, null, false, null, 0L, null, 4))));
        customerHello("customer-hello-unknown", store(List.of(), Optional.empty()));
        customerHello("customer-hello-connected", store(List.of(), Optional.of(new ConversationStore.Summary(C,
                ConversationState.CONNECTED, "Jean", "q-1", "Support", false, T, 5L, T, 1))));
    }

    private void customerHello(String name, ConversationStore store) {
        List<String> texts = new ArrayList<>();
        MapUserData userData = new MapUserData();
        userData.put(SocketUpgradeCheck.CONVERSATION_ID, C);
        new CustomerSocket(config(), store, null).onOpen(connection(userData, texts));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !texts.isEmpty());
        put(name, texts.get(0));
    }

    private void requests() {
        List<String> texts = new ArrayList<>();
        AgentCommands commands = new AgentCommands(null, null, null, null, null) {
            @Override
            public Uni<String> postMessage(String agentId, String conversationId, String clientMessageId, String text) {
                if ("refused".equals(text)) {
                    return Uni.createFrom().failure(new ApiException(409, "Conflict", "You are not in this conversation.",
                            "ILLEGAL_STATE"));
                }
                return Uni.createFrom().item("cmd-9");
            }

            @Override
            public Uni<ConversationStore.Access> requireReadable(String agentId, String conversationId) {
                return Uni.createFrom().item(new ConversationStore.Access(ParticipantState.ACTIVE, false));
            }
        };
        List<ObjectNode> replayed = new ArrayList<>();
        ConversationStore store = store(List.of(new ConversationEvent.MessagePosted("e", C, 2L, T, "m-1",
                SenderType.CUSTOMER, null, "Jean", Audience.EVERYONE, "Hello?")), Optional.empty());
        SocketHub hub = new SocketHub(null, store, null);
        SocketRequests requests = new SocketRequests(config(), hub, commands, null);
        ClientStream stream = ClientStream.forAgent(connection(new MapUserData(), texts), "agent-1",
                new TokenBucket(20, 10, System::nanoTime));
        stream.noOpeningResume();
        stream.start();
        requests.handle(stream, "{\"type\":\"ping\",\"correlationId\":\"p-1\"}").await().indefinitely();
        requests.handle(stream, "{\"type\":\"ping\"}").await().indefinitely();
        requests.handle(stream, "{\"type\":\"send\",\"correlationId\":\"s-1\",\"conversationId\":\"c-1\","
                + "\"clientMessageId\":\"cm-1\",\"text\":\"Hi\"}").await().indefinitely();
        requests.handle(stream, "{\"type\":\"send\",\"conversationId\":\"c-1\",\"clientMessageId\":\"cm-2\","
                + "\"text\":\"Hi\"}").await().indefinitely();
        requests.handle(stream, "{\"type\":\"send\",\"correlationId\":\"s-3\",\"conversationId\":\"c-1\","
                + "\"clientMessageId\":\"cm-3\",\"text\":\"refused\"}").await().indefinitely();
        requests.handle(stream, "{\"type\":\"resume\",\"correlationId\":\"r-1\",\"lastSeq\":{\"c-1\":1}}")
                .await().indefinitely();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> texts.size() >= 7);
        String[] names = {"pong", "pong-bare", "ack", "ack-bare", "error-send-refused", "resume-replayed-message",
                "resumed"};
        for (int i = 0; i < names.length; i++) {
            put(names[i], texts.get(i));
        }
        texts.clear();
        hub.resume(stream, null, new LinkedHashMap<>(Map.of("c-9", 0L)), id -> Uni.createFrom().item(false));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> texts.size() >= 2);
        put("error-resume-not-found", texts.get(0));
        put("resumed-bare", texts.get(1));
    }

    private void agent(String name, ConversationEvent event) {
        put(name, Frames.forAgent(event).orElseThrow());
    }

    private void customer(String name, ConversationEvent event) {
        put(name, Frames.forCustomer(event).orElseThrow());
    }

    private void put(String name, ObjectNode frame) {
        put(name, EventJson.write(frame));
    }

    private void put(String name, String text) {
        try {
            if (golden.put(name, EventJson.mapper().readTree(text)) != null) {
                throw new IllegalStateException("Twice: " + name);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SocketHub capturingHub(List<ObjectNode> sent) {
        return new SocketHub(null, null, null) {
            @Override
            public void toAgent(String agentId, ObjectNode frame) {
                sent.add(frame);
            }

            @Override
            public void toCustomer(String conversationId, ObjectNode frame) {
                sent.add(frame);
            }
        };
    }

    private static ConversationStore store(List<ConversationEvent> events, Optional<ConversationStore.Summary> summary) {
        return new ConversationStore(null) {
            @Override
            public Uni<List<ConversationEvent>> events(String conversationId, long afterSeq, long upToSeq) {
                return Uni.createFrom().item(events.stream().filter(e -> e.seq() > afterSeq && e.seq() <= upToSeq).toList());
            }

            @Override
            public Uni<Optional<Summary>> summary(String conversationId) {
                return Uni.createFrom().item(summary);
            }
        };
    }

    private static WebSocketConnection connection(UserData userData, List<String> texts) {
        return (WebSocketConnection) Proxy.newProxyInstance(FrameGoldenCapture.class.getClassLoader(),
                new Class<?>[] {WebSocketConnection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "userData" -> userData;
                    case "id" -> "capture";
                    case "isClosed" -> false;
                    case "isOpen" -> true;
                    case "sendText" -> {
                        texts.add((String) args[0]);
                        yield Uni.createFrom().voidItem();
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static GatewayConfig config() {
        GatewayConfig.Socket socket = (GatewayConfig.Socket) Proxy.newProxyInstance(FrameGoldenCapture.class.getClassLoader(),
                new Class<?>[] {GatewayConfig.Socket.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "rateLimitBurst" -> 20;
                    case "rateLimitPerSecond" -> 10.0;
                    case "resumeWindow" -> Duration.ofMillis(10);
                    case "maxFrameBytes" -> 16384;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (GatewayConfig) Proxy.newProxyInstance(FrameGoldenCapture.class.getClassLoader(),
                new Class<?>[] {GatewayConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "socket" -> socket;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static final class MapUserData implements UserData {

        private final Map<String, Object> values = new ConcurrentHashMap<>();

        @Override
        @SuppressWarnings("unchecked")
        public <VALUE> VALUE get(TypedKey<VALUE> key) {
            return (VALUE) values.get(key.value());
        }

        @Override
        @SuppressWarnings("unchecked")
        public <VALUE> VALUE put(TypedKey<VALUE> key, VALUE value) {
            return (VALUE) values.put(key.value(), value);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <VALUE> VALUE remove(TypedKey<VALUE> key) {
            return (VALUE) values.remove(key.value());
        }

        @Override
        public int size() {
            return values.size();
        }

        @Override
        public void clear() {
            values.clear();
        }
    }
}
