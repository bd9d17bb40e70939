package com.livechat.gateway.socket;

import com.fasterxml.jackson.databind.JsonNode;
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
import com.livechat.gateway.command.AgentCommands;
import com.livechat.gateway.projection.ConversationStore;
import com.livechat.gateway.projection.PresenceStore;
import com.livechat.gateway.refusal.Refusal;
import com.livechat.gateway.socket.frame.AgentFrame;
import com.livechat.gateway.socket.frame.ConversationView;
import com.livechat.gateway.socket.frame.CustomerFrame;
import com.livechat.gateway.socket.frame.Frames;
import com.livechat.gateway.socket.frame.OfferView;
import com.livechat.gateway.socket.frame.PresenceView;
import com.livechat.gateway.socket.frame.ServerFrame;
import com.livechat.gateway.socket.frame.SharedFrame;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every frame kind, built by the code that sends it from fixed inputs, has the JSON the untyped code of fdc978f
 * produced for the same inputs: src/test/resources/frames/golden-frames.json, captured from that code before the
 * frames became records (same field names, same fields present or absent, same nulls).
 */
class FrameRecordsTest {

    static final Instant T = Instant.parse("2026-01-02T03:04:05.123456Z");
    static final String C = "c-1";

    private final Map<String, JsonNode> built = new LinkedHashMap<>();

    @TestFactory
    Stream<DynamicTest> everyFrameKindHasTheJsonTheUntypedCodeProduced() throws Exception {
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
        agent("customer-inactive", new ConversationEvent.ConversationStateChanged("e", C, 9L, T,
                ConversationState.CONNECTED, ConversationState.INACTIVE, "the customer did not reply"));
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
        customer("customer-inactivity-warning", new ConversationEvent.CustomerInactivityWarned("e", C, 17L, T,
                T.plusSeconds(60)));
        customer("customer-conversation-ended-inactive", new ConversationEvent.ConversationStateChanged("e", C, 18L, T,
                ConversationState.CONNECTED, ConversationState.INACTIVE, "the customer did not reply"));
        customer("customer-conversation-ended-nulls", new ConversationEvent.ConversationStateChanged("e", C, 16L, T,
                ConversationState.QUEUED, ConversationState.ABANDONED, null));

        put("error-full", ErrorFrames.conversationNotFound("corr-1", C));
        put("error-bare", ErrorFrames.badFrame(null, null, "MALFORMED_JSON", "The frame is not valid JSON."));

        routingPushes();
        rejections();
        offerAndHellos();
        requests();

        Map<String, JsonNode> expected = expected();
        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(built.keySet()), "the same frames were built");
        return expected.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(),
                () -> assertEquals(entry.getValue(), built.get(entry.getKey()))));
    }

    private static Map<String, JsonNode> expected() throws IOException {
        try (InputStream in = FrameRecordsTest.class.getResourceAsStream("/frames/golden-frames.json")) {
            Map<String, JsonNode> frames = new LinkedHashMap<>();
            EventJson.mapper().readTree(in).fields().forEachRemaining(field -> frames.put(field.getKey(), field.getValue()));
            return frames;
        }
    }

    private void routingPushes() {
        List<String> sent = new ArrayList<>();
        SocketHub hub = capturingHub(sent);
        hub.routingEvent(new RoutingEvent.OfferWithdrawn("e", T, "o-1", C, OfferKind.QUEUE, "agent-1",
                WithdrawReason.RONA_TIMEOUT));
        hub.routingEvent(new RoutingEvent.OfferWithdrawn("e", T, "o-1", C, null, "agent-1", null));
        hub.routingEvent(new RoutingEvent.ChatAssigned("e", T, "o-1", C, OfferKind.QUEUE, "agent-1", "Alice"));
        hub.routingEvent(new RoutingEvent.ChatAssigned("e", T, "o-1", C, null, "agent-1", "Alice"));
        hub.routingEvent(new RoutingEvent.AgentStateChanged("e", T, "agent-1", "Alice", AgentState.IDLE,
                AgentState.AVAILABLE, "LUNCH", "AGENT_REQUEST", 1, 3, List.of("q-1")));
        hub.routingEvent(new RoutingEvent.AgentStateChanged("e", null, "agent-1", null, AgentState.AVAILABLE,
                null, null, null, 0, 2, null));
        hub.routingEvent(new RoutingEvent.QueuePositionChanged("e", T, C, "q-1", 3, 240));
        hub.routingEvent(new RoutingEvent.WaitingNoticeIssued("e", T, C, "q-1", 60, "All our advisers are busy."));
        hub.routingEvent(new RoutingEvent.WaitingNoticeIssued("e", T, C, "q-1", 45, null));
        hub.routingEvent(new RoutingEvent.RoutingCommandRejected("e", T, "cmd-1", "agent-1", C,
                RejectionCode.OFFER_NOT_PENDING, "Offer o-1 is not pending."));
        hub.routingEvent(new RoutingEvent.RoutingCommandRejected("e", T, "cmd-1", "agent-1", null, null,
                "Refused"));
        String[] names = {"offer-withdrawn", "offer-withdrawn-nulls", "offer-accepted", "offer-accepted-nulls",
                "agent-state", "agent-state-nulls", "customer-queue-position", "customer-waiting-notice",
                "customer-waiting-notice-nulls", "error-routing-rejected",
                "error-routing-rejected-nulls"};
        for (int i = 0; i < names.length; i++) {
            put(names[i], sent.get(i));
        }
    }

    private void rejections() {
        List<String> sent = new ArrayList<>();
        SocketHub hub = capturingHub(sent);
        hub.conversationCommandRejected(new ConversationEvent.CommandRejected("e", C, null, T, "cmd-2",
                SenderType.AGENT, "agent-1", RejectionCode.ILLEGAL_STATE, "Refused"));
        hub.conversationCommandRejected(new ConversationEvent.CommandRejected("e", C, null, T, "cmd-3",
                SenderType.CUSTOMER, null, null, "Refused"));
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
                "Alice", "q-1", "Support", "Jean", false, T.minusSeconds(30), T.plusSeconds(30), null, null,
                null);
        RoutingEvent.ChatOffered transfer = new RoutingEvent.ChatOffered("e", T, "o-2", C, OfferKind.TRANSFER, "agent-1",
                null, "q-1", null, null, true, null, T.plusSeconds(30), "agent-2", null, null);
        OfferView view = offerViews.view(offered).await().indefinitely();
        OfferView transferView = offerViews.view(transfer).await().indefinitely();
        put("offer", new AgentFrame.Offer(view));
        put("offer-nulls", new AgentFrame.Offer(transferView));

        // The agent's hello.
        List<String> texts = new ArrayList<>();
        ClientStream agentStream = ClientStream.forAgent(FakeSockets.connection(new FakeSockets.MapUserData(), texts),
                "agent-1", TokenBucket.onClock(20, 10, Clock.systemUTC()));
        AgentSnapshot snapshot = new AgentSnapshot(null, null, offerViews, null) {
            @Override
            public Uni<PresenceView> presence(String agentId) {
                return Uni.createFrom().item(PresenceView.of(new PresenceStore.Presence("agent-1", "Alice",
                        AgentState.AVAILABLE, null, 1, 3, List.of("q-1"), false, null)));
            }

            @Override
            public Uni<List<OfferView>> offers(String agentId) {
                return Uni.createFrom().item(List.of(view));
            }

            @Override
            public Uni<List<ConversationView>> conversations(String agentId) {
                return Uni.createFrom().item(List.of(ConversationView.of(new ConversationStore.Participation(
                        new ConversationStore.Summary("c-2", ConversationState.CONNECTED, "Marie", "q-1", "Support",
                                false, T, 12L, T, null), "agent-1", ParticipantState.ACTIVE, null, null, T))));
            }
        };
        snapshot.hello(agentStream, "Alice").await().indefinitely();
        put("hello", texts.get(0));
        texts.clear();
        AgentSnapshot empty = new AgentSnapshot(null, null, offerViews, null) {
            @Override
            public Uni<PresenceView> presence(String agentId) {
                return Uni.createFrom().item(PresenceView.of(null));
            }

            @Override
            public Uni<List<OfferView>> offers(String agentId) {
                return Uni.createFrom().item(List.of());
            }

            @Override
            public Uni<List<ConversationView>> conversations(String agentId) {
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
        // The waiting notice is repeated while the chat waits, not once an agent is in it.
        customerHello("customer-hello-waiting-notice", store(List.of(), Optional.of(new ConversationStore.Summary(C,
                ConversationState.QUEUED, "Jean", "q-1", "Support", false, T, 5L, T, 2, null, 0, 0, 60, null))));
        customerHello("customer-hello-connected-notice", store(List.of(), Optional.of(new ConversationStore.Summary(C,
                ConversationState.CONNECTED, "Jean", "q-1", "Support", false, T, 5L, T, null, null, 0, 0, 60,
                "All our advisers are busy."))));
    }

    private void customerHello(String name, ConversationStore store) {
        List<String> texts = new ArrayList<>();
        FakeSockets.MapUserData userData = new FakeSockets.MapUserData();
        userData.put(SocketUpgradeCheck.CONVERSATION_ID, C);
        new CustomerSocket(FakeSockets.config(), store, null, Clock.systemUTC(), new StreamIndex())
                .onOpen(FakeSockets.connection(userData, texts));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !texts.isEmpty());
        put(name, texts.get(0));
    }

    private void requests() {
        List<String> texts = new ArrayList<>();
        AgentCommands commands = new AgentCommands(null, null, null, null, null, null) {
            @Override
            public Uni<String> postMessage(String agentId, String conversationId, String clientMessageId, String text) {
                if ("refused".equals(text)) {
                    return Uni.createFrom().failure(Refusal.illegalState("You are not in this conversation."));
                }
                return Uni.createFrom().item("cmd-9");
            }

            @Override
            public Uni<ConversationStore.Access> requireReadable(String agentId, String conversationId) {
                return Uni.createFrom().item(new ConversationStore.Access(ParticipantState.ACTIVE, false));
            }
        };
        ConversationStore store = store(List.of(new ConversationEvent.MessagePosted("e", C, 2L, T, "m-1",
                SenderType.CUSTOMER, null, "Jean", Audience.EVERYONE, "Hello?")), Optional.empty());
        SocketHub hub = new SocketHub(new StreamIndex(), store, null, new SupervisorPush(null, null));
        SocketRequests requests = new SocketRequests(FakeSockets.config(), hub, commands, null, store, null, null,
                new FrameSpans(OpenTelemetry.noop().getTracer("test")));
        ClientStream stream = ClientStream.forAgent(FakeSockets.connection(new FakeSockets.MapUserData(), texts),
                "agent-1", TokenBucket.onClock(20, 10, Clock.systemUTC()));
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

    /** The frame as the socket writes it. */
    private void put(String name, ServerFrame frame) {
        put(name, EventJson.write(frame));
    }

    private void put(String name, String text) {
        try {
            if (built.put(name, EventJson.mapper().readTree(text)) != null) {
                throw new IllegalStateException("Twice: " + name);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A hub with two open sockets, agent-1's and c-1's customer's, that record the text of what they are sent. */
    private static SocketHub capturingHub(List<String> texts) {
        FakeSockets.MapUserData agentData = new FakeSockets.MapUserData();
        FakeSockets.MapUserData customerData = new FakeSockets.MapUserData();
        WebSocketConnection agent = FakeSockets.connection(agentData, texts);
        WebSocketConnection customer = FakeSockets.connection(customerData, texts);
        ClientStream agentStream = ClientStream.forAgent(agent, "agent-1", TokenBucket.onClock(20, 10, Clock.systemUTC()));
        ClientStream customerStream = ClientStream.forCustomer(customer, C, TokenBucket.onClock(20, 10, Clock.systemUTC()));
        agentData.put(ClientStream.KEY, agentStream);
        customerData.put(ClientStream.KEY, customerStream);
        StreamIndex index = new StreamIndex();
        index.add(agentStream);
        index.add(customerStream);
        agentStream.start();
        customerStream.start();
        return new SocketHub(index, null, null, new SupervisorPush(null, null));
    }

    private static ConversationStore store(List<ConversationEvent> events, Optional<ConversationStore.Summary> summary) {
        return new ConversationStore(null, Clock.systemUTC()) {
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
}
