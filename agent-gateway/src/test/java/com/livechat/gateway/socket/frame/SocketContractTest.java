package com.livechat.gateway.socket.frame;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.Customer;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.QueueReason;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.SenderType;
import com.livechat.contracts.events.WithdrawReason;
import com.livechat.contracts.json.EventJson;
import com.livechat.gateway.projection.ConversationStore;
import com.livechat.gateway.projection.PresenceStore;
import com.livechat.gateway.support.FrameSchemas;
import com.livechat.gateway.support.FrameSchemas.Channel;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The typed frames and the socket contract ({@code contracts/asyncapi-sockets.yaml} and its JSON Schemas) say the
 * same: every frame record has a schema, a realistic instance of each validates against it, every schema belongs to a
 * frame the gateway sends or reads, and the AsyncAPI document lists exactly the schema files there are.
 */
class SocketContractTest {

    private static final Instant AT = Instant.parse("2026-11-24T09:15:30.250Z");
    private static final String C = "0b7e3f0e-4a39-4a8e-9d0f-2c7f1d9e6a11";

    @TestFactory
    Stream<DynamicTest> aRealisticInstanceOfEveryFrameMatchesItsSchema() {
        return examples().stream().map(example -> DynamicTest.dynamicTest(example.name(), () -> {
            JsonNode json = EventJson.mapper().readTree(EventJson.write(example.frame()));
            for (Channel channel : channels(example.frame().getClass())) {
                assertEquals(List.of(), FrameSchemas.violations(channel, json), example.name() + " on " + channel);
            }
        }));
    }

    @Test
    void theExamplesCoverEveryFrameRecord() {
        Set<Class<?>> covered = examples().stream().map(example -> example.frame().getClass()).collect(Collectors.toSet());
        Set<String> missing = frameRecords().stream().filter(type -> !covered.contains(type))
                .map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), missing, "frame records without an example here");
    }

    @Test
    void everyFrameRecordHasASchemaOnEverySocketItTravels() {
        List<String> missing = new ArrayList<>();
        for (Class<?> record : frameRecords()) {
            for (Channel channel : channels(record)) {
                if (FrameSchemas.schema(channel, typeName(record)).isEmpty()) {
                    missing.add(record.getSimpleName() + " (\"" + typeName(record) + "\") on " + channel);
                }
            }
        }
        assertEquals(List.of(), missing, "frame records without a schema");
    }

    @Test
    void everyFrameSchemaIsAFrameTheGatewaySendsOrReads() {
        Set<String> used = new TreeSet<>();
        for (Class<?> record : frameRecords()) {
            channels(record).forEach(channel -> FrameSchemas.file(channel, typeName(record)).ifPresent(used::add));
        }
        assertEquals(frameSchemaFiles(), used);
    }

    @Test
    void theAsyncApiDocumentListsEverySchemaFileAndNoOther() throws IOException {
        JsonNode asyncApi;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("contracts/asyncapi-sockets.yaml")) {
            asyncApi = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        assertEquals("3.0.0", asyncApi.path("asyncapi").asText());
        assertEquals(Set.of("/ws/agent", "/ws/customer/{conversationId}", "/ws/supervisor"), Set.of(
                asyncApi.path("channels").path("agent").path("address").asText(),
                asyncApi.path("channels").path("customer").path("address").asText(),
                asyncApi.path("channels").path("supervisor").path("address").asText()));
        Set<String> referenced = new TreeSet<>();
        asyncApi.path("components").path("messages").forEach(message ->
                referenced.add(message.path("payload").path("schema").path("$ref").asText().replaceFirst("^\\./", "")));
        assertEquals(frameSchemaFiles(), referenced);
        // Each message name is its frame's type, and each channel lists its own and the shared and client frames.
        asyncApi.path("components").path("messages").fields().forEachRemaining(message -> assertTrue(
                message.getValue().path("payload").path("schema").path("$ref").asText()
                        .endsWith("/" + message.getValue().path("name").asText() + ".json"), message.getKey()));
        for (String channel : List.of("agent", "customer")) {
            Set<String> listed = new TreeSet<>();
            asyncApi.path("channels").path(channel).path("messages").forEach(ref -> listed.add(
                    ref.path("$ref").asText().replace("#/components/messages/", "")));
            Set<String> expected = new TreeSet<>();
            asyncApi.path("components").path("messages").fieldNames().forEachRemaining(name -> {
                if (name.startsWith(channel) || name.startsWith("shared") || name.startsWith("client")) {
                    expected.add(name);
                }
            });
            assertEquals(expected, listed, channel);
        }
    }

    /** The schema files of frames (not of the views they embed). */
    private static Set<String> frameSchemaFiles() {
        return FrameSchemas.files().stream().filter(file -> !file.startsWith("schemas/socket/views/"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The sockets a frame record travels on. */
    static List<Channel> channels(Class<?> record) {
        List<Channel> channels = new ArrayList<>();
        if (AgentFrame.class.isAssignableFrom(record)) {
            channels.add(Channel.AGENT);
        }
        if (CustomerFrame.class.isAssignableFrom(record)) {
            channels.add(Channel.CUSTOMER);
        }
        if (SupervisorFrame.class.isAssignableFrom(record)) {
            channels.add(Channel.SUPERVISOR);
        }
        if (ClientFrame.class.isAssignableFrom(record)) {
            channels.add(Channel.CLIENT);
        }
        return channels;
    }

    static String typeName(Class<?> record) {
        return record.getAnnotation(JsonTypeName.class).value();
    }

    /** Every record of the sealed frame hierarchies. */
    static Set<Class<?>> frameRecords() {
        Set<Class<?>> records = new java.util.LinkedHashSet<>();
        collect(ServerFrame.class, records);
        collect(ClientFrame.class, records);
        return records;
    }

    private static void collect(Class<?> type, Set<Class<?>> records) {
        if (type.isRecord()) {
            records.add(type);
        } else if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                collect(permitted, records);
            }
        }
    }

    record Example(String name, Object frame) {
    }

    /** One realistic frame of each kind, built the way the gateway builds it. */
    static List<Example> examples() {
        Map<String, Object> frames = new LinkedHashMap<>();
        var message = new ConversationEvent.MessagePosted("e-7", C, 7L, AT, "m-7", SenderType.CUSTOMER, null, "Jean Dupont",
                Audience.EVERYONE, "My card was charged twice");
        AgentFrame.Message agentMessage = (AgentFrame.Message) Frames.forAgent(message).orElseThrow();
        var presence = PresenceView.of(new PresenceStore.Presence("alice", "Alice Martin", AgentState.AVAILABLE, null, 1, 3,
                List.of("support", "billing"), false, AT.minusSeconds(300)));
        var offer = new OfferView("o-1", C, OfferKind.QUEUE, "Jean Dupont", "support", "Support", "alice", "Alice Martin",
                AT.minusSeconds(40), LocalDate.ofInstant(AT, ZoneOffset.UTC), AT, AT.plusSeconds(30), false, null, null, 7,
                List.of(agentMessage));
        var conversation = ConversationView.of(new ConversationStore.Participation(new ConversationStore.Summary("c-2",
                ConversationState.CONNECTED, "Marie", "billing", "Billing", true, AT, 12, AT, null), "alice",
                ParticipantState.ACTIVE, null, null, AT));
        frames.put("agent hello", new AgentFrame.Hello("alice", "Alice Martin", presence, List.of(offer), List.of(conversation)));
        frames.put("agent hello, nothing yet", new AgentFrame.Hello("bob", null, PresenceView.of(null), List.of(), List.of()));
        frames.put("offer", new AgentFrame.Offer(offer));
        frames.put("offer-accepted", AgentFrame.OfferAccepted.of(new RoutingEvent.ChatAssigned("e", AT, "o-1", C,
                OfferKind.QUEUE, "alice", "Alice Martin")));
        frames.put("offer-withdrawn", AgentFrame.OfferWithdrawn.of(new RoutingEvent.OfferWithdrawn("e", AT, "o-1", C,
                OfferKind.TRANSFER, "alice", WithdrawReason.RONA_TIMEOUT)));
        frames.put("agent-state", AgentFrame.AgentStateChanged.of(new RoutingEvent.AgentStateChanged("e", AT, "alice",
                "Alice Martin", AgentState.IDLE, AgentState.AVAILABLE, "LUNCH", "AGENT_REQUEST", 0, 3, List.of("support"))));
        frames.put("agent message", agentMessage);
        agent(frames, "conversation-started", new ConversationEvent.ConversationStarted("e", C, 1L, AT, "support", "Support",
                new Customer("Jean Dupont", "jean@example.com", null), Map.of("orderId", "A-42"), false));
        agent(frames, "conversation-state (queued)", new ConversationEvent.ConversationQueued("e", C, 2L, AT, "support",
                "Support", "Jean Dupont", false, AT, QueueReason.NEW));
        agent(frames, "conversation-state", new ConversationEvent.ConversationStateChanged("e", C, 3L, AT,
                ConversationState.QUEUED, ConversationState.OFFERED, "OFFERED"));
        agent(frames, "customer-ended", new ConversationEvent.ConversationStateChanged("e", C, 9L, AT,
                ConversationState.CONNECTED, ConversationState.CUSTOMER_ENDED, "CUSTOMER_LEFT"));
        agent(frames, "customer-ended (inactive)", new ConversationEvent.ConversationStateChanged("e", C, 9L, AT,
                ConversationState.CONNECTED, ConversationState.INACTIVE, "the customer did not reply"));
        agent(frames, "interrupted", new ConversationEvent.ConversationStateChanged("e", C, 9L, AT,
                ConversationState.CONNECTED, ConversationState.INTERRUPTED, "QUEUE_DELETED"));
        agent(frames, "transfer", new ConversationEvent.AgentOfferRequested("e", C, 10L, AT, OfferKind.TRANSFER, null,
                "alice", "billing", "Billing", "Jean Dupont", false, AT));
        agent(frames, "conference (invitation)", new ConversationEvent.AgentOfferRequested("e", C, 11L, AT,
                OfferKind.CONFERENCE, "bob", "alice", "support", "Support", "Jean Dupont", false, AT));
        agent(frames, "conference (step)", new ConversationEvent.ParticipantStateChanged("e", C, 12L, AT, "bob",
                "Bob Leroy", ParticipantState.OFFERED, ParticipantState.CONFERENCE, "ACCEPTED"));
        agent(frames, "participant", new ConversationEvent.ParticipantStateChanged("e", C, 13L, AT, "alice",
                "Alice Martin", null, ParticipantState.ACTIVE, "ASSIGNED"));
        agent(frames, "wrap-up-recorded", new ConversationEvent.WrapUpRecorded("e", C, 14L, AT, "alice", "RESOLVED",
                "Resolved", null));
        agent(frames, "survey-submitted", new ConversationEvent.SurveySubmitted("e", C, 15L, AT, "support", 4,
                "Quick and kind"));
        agent(frames, "messages-read", new ConversationEvent.MessagesRead("e", C, 16L, AT, SenderType.CUSTOMER, null,
                14));
        frames.put("customer hello", new CustomerFrame.Hello(C, 2, new CustomerFrame.KnownState(ConversationState.QUEUED), 3));
        frames.put("customer hello, read by an agent", new CustomerFrame.Hello(C, 9,
                new CustomerFrame.KnownState(ConversationState.CONNECTED), null, 7));
        frames.put("customer hello, waiting notice", new CustomerFrame.Hello(C, 4,
                new CustomerFrame.KnownState(ConversationState.QUEUED), 2, 0,
                new CustomerFrame.Notice(60, "All our advisers are busy.")));
        frames.put("customer hello, waiting notice in the widget's words", new CustomerFrame.Hello(C, 4,
                new CustomerFrame.KnownState(ConversationState.QUEUED), 2, 0, new CustomerFrame.Notice(60, null)));
        frames.put("waiting-notice", CustomerFrame.WaitingNotice.of(new RoutingEvent.WaitingNoticeIssued("e", AT, C,
                "support", 60, "All our advisers are busy.")));
        frames.put("waiting-notice in the widget's words", CustomerFrame.WaitingNotice.of(
                new RoutingEvent.WaitingNoticeIssued("e", AT, C, "support", 60, null)));
        frames.put("customer hello, state unknown", new CustomerFrame.Hello(C, 0, new CustomerFrame.KnownState(null), null));
        customer(frames, "customer message", message);
        frames.put("queue-position", CustomerFrame.QueuePosition.of(new RoutingEvent.QueuePositionChanged("e", AT, C,
                "support", 2)));
        customer(frames, "agent-joined", new ConversationEvent.ParticipantStateChanged("e", C, 13L, AT, "alice",
                "Alice Martin", ParticipantState.OFFERED, ParticipantState.ACTIVE, "ASSIGNED"));
        customer(frames, "agent-left", new ConversationEvent.ParticipantStateChanged("e", C, 15L, AT, "alice",
                "Alice Martin", ParticipantState.ACTIVE, ParticipantState.WRAP_UP, "ENDED"));
        customer(frames, "conversation-ended", new ConversationEvent.ConversationStateChanged("e", C, 16L, AT,
                ConversationState.CONNECTED, ConversationState.ENDED, "AGENT_ENDED"));
        customer(frames, "inactivity-warning", new ConversationEvent.CustomerInactivityWarned("e", C, 17L, AT,
                AT.plusSeconds(60)));
        customer(frames, "conversation-ended (inactive)", new ConversationEvent.ConversationStateChanged("e", C, 18L, AT,
                ConversationState.CONNECTED, ConversationState.INACTIVE, "the customer did not reply"));
        customer(frames, "messages-read, customer", new ConversationEvent.MessagesRead("e", C, 17L, AT,
                SenderType.AGENT, "alice", 16));
        frames.put("error of a send", new SharedFrame.Error("s-1", C, "MESSAGE_TOO_LONG",
                "A message holds at most 1000 characters.", 400));
        frames.put("error of a bad frame", SharedFrame.Error.of(null, null, "MALFORMED_JSON", "The frame is not valid JSON."));
        frames.put("pong", new SharedFrame.Pong("p-1"));
        frames.put("ack", new SharedFrame.Ack("cmd-1", C, "m-1", "s-1"));
        frames.put("resumed", new SharedFrame.Resumed("r-1", Map.of(C, 12L)));
        frames.put("ping", new ClientFrame.Ping("p-1"));
        frames.put("resume", new ClientFrame.Resume("r-1", Map.of(C, 12L)));
        frames.put("send", new ClientFrame.Send("s-1", C, "m-1", "Let me check."));
        frames.put("send, customer", new ClientFrame.Send(null, null, "m-2", "Thank you"));
        // The supervisor console: figures computed by the pure core from realistic facts, and an empty day.
        var day = AT.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        var figures = com.livechat.gateway.supervision.SupervisorFigures.compute(
                List.of(new com.livechat.gateway.supervision.QueueRef("support", "Support")),
                List.of(new com.livechat.gateway.supervision.QueueEntry(C, "support", "Support", "Jean", AT.minusSeconds(90),
                                AT.minusSeconds(90), null, null, null, null, null),
                        new com.livechat.gateway.supervision.QueueEntry("c-2", "billing", null, null, AT.minusSeconds(900),
                                AT.minusSeconds(900), com.livechat.gateway.supervision.QueueEntry.Outcome.ANSWERED,
                                AT.minusSeconds(880), "alice", null, AT.minusSeconds(300))),
                List.of(new com.livechat.gateway.supervision.SurveyRating("c-2", "billing", null, 4,
                        AT.minusSeconds(200))),
                List.of(new com.livechat.gateway.supervision.AgentInput("alice", "Alice Martin", "IDLE", "BREAK",
                                AT.minusSeconds(120), 1, 3),
                        new com.livechat.gateway.supervision.AgentInput("bob", null, "RONA", null, null, 0, 2)),
                java.util.Map.of("bob", 2), AT, day, java.time.Duration.ofSeconds(20));
        frames.put("supervisor overview", new SupervisorFrame.Overview(figures));
        frames.put("supervisor overview, nothing yet", new SupervisorFrame.Overview(
                com.livechat.gateway.supervision.SupervisorFigures.compute(List.of(), List.of(), List.of(),
                        List.of(), java.util.Map.of(), AT, day, java.time.Duration.ofSeconds(20))));
        frames.put("typing, client", new ClientFrame.Typing(null, C, true));
        frames.put("read, client", new ClientFrame.Read("r-2", C, 14));
        frames.put("read, customer", new ClientFrame.Read(null, null, 16));
        frames.put("typing, agent", new AgentFrame.Typing(C, true));
        frames.put("typing, customer", new CustomerFrame.Typing(C, false, null));
        return frames.entrySet().stream().map(entry -> new Example(entry.getKey(), entry.getValue())).toList();
    }

    private static void agent(Map<String, Object> frames, String name, ConversationEvent event) {
        frames.put(name, Frames.forAgent(event).orElseThrow());
    }

    private static void customer(Map<String, Object> frames, String name, ConversationEvent event) {
        frames.put(name, Frames.forCustomer(event).orElseThrow());
    }
}
