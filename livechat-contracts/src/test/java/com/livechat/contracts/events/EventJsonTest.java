package com.livechat.contracts.events;

import com.livechat.contracts.json.EventJson;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventJsonTest {

    private static final Instant AT = Instant.parse("2026-11-24T10:15:30Z");

    @Test
    void recordsCarryTypeAndSchemaVersionAndRoundTrip() {
        RoutingEvent offered = new RoutingEvent.ChatOffered("e1", AT, "o1", "c1", OfferKind.QUEUE, "alice", "Alice",
                "support", "Support", "Bob", true, AT, AT.plusSeconds(30), null, null, null);

        String json = EventJson.write(offered);

        assertTrue(json.contains("\"type\":\"ChatOffered\""), json);
        assertTrue(json.contains("\"schemaVersion\":1"), json);
        assertTrue(json.contains("\"receivedAt\":\"2026-11-24T10:15:30Z\""), json);
        assertFalse(json.contains("requestedBy"), "nulls are left out: " + json);
        assertEquals(offered, EventJson.read(json, RoutingEvent.class));
    }

    @Test
    void unknownFieldsAreIgnoredSoNewerWritersDoNotBreakReaders() {
        String json = "{\"type\":\"EndByCustomer\",\"schemaVersion\":1,\"commandId\":\"k\",\"conversationId\":\"c\","
                + "\"issuedAt\":\"2026-11-24T10:15:30Z\",\"addedLater\":42}";

        assertEquals(new ConversationCommand.EndByCustomer("k", "c", AT), EventJson.read(json, ConversationCommand.class));
    }

    @Test
    void aQueuedChatWithoutLeftMessageFromAnOlderWriterIsALiveChat() {
        String older = "{\"type\":\"ConversationQueued\",\"schemaVersion\":1,\"eventId\":\"e\","
                + "\"conversationId\":\"c\",\"seq\":2,\"occurredAt\":\"2026-11-24T10:15:30Z\",\"queueId\":\"q\","
                + "\"proactive\":false,\"reason\":\"NEW\"}";
        assertFalse(EventJson.write(new ConversationEvent.ConversationQueued("e", "c", 2L, AT, "q", "Q", "Jean", false,
                AT, QueueReason.NEW)).contains("leftMessage"), "a live chat leaves it out");

        ConversationEvent.ConversationQueued queued = (ConversationEvent.ConversationQueued) EventJson.read(older,
                ConversationEvent.class);

        assertEquals(null, queued.leftMessage(), "absent: a live chat");
        ConversationEvent.ConversationQueued left = new ConversationEvent.ConversationQueued("e", "c", 2L, AT, "q",
                "Q", "Jean", false, AT, QueueReason.NEW, true);
        String json = EventJson.write(left);
        assertTrue(json.contains("\"leftMessage\":true"), json);
        assertEquals(left, EventJson.read(json, ConversationEvent.class));
    }

    @Test
    void maskingTouchesEveryFreeTextFieldAndNothingElse() {
        ConversationCommand start = new ConversationCommand.StartConversation("k", "c", AT, "support", "Support",
                new Customer("name", "mail", "phone"), Map.of("origin", "value"), true);

        ConversationCommand masked = start.masked(String::toUpperCase);

        assertEquals(new ConversationCommand.StartConversation("k", "c", AT, "support", "Support",
                new Customer("NAME", "MAIL", "PHONE"), Map.of("ORIGIN", "VALUE"), true), masked);
        ConversationCommand end = new ConversationCommand.EndByAgent("k", "c", AT, "alice");
        assertEquals(end, end.masked(String::toUpperCase));
        ConversationCommand message = new ConversationCommand.PostMessage("k", "c", AT, "m", SenderType.AGENT, "alice", "hi");
        assertEquals("HI", ((ConversationCommand.PostMessage) message.masked(String::toUpperCase)).text());
    }

    @Test
    void attributeNamesThatMaskAlikeAreAllKept() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("ref", "1");
        attributes.put("Ref", "2");
        attributes.put("REF", "3");
        attributes.put("REF (2)", "4");
        ConversationCommand start = new ConversationCommand.StartConversation("k", "c", AT, "support", "Support",
                null, attributes, false);

        Map<String, String> masked = ((ConversationCommand.StartConversation) start.masked(String::toUpperCase))
                .attributes();

        assertEquals(List.of("REF", "REF (2)", "REF (3)", "REF (2) (2)"), List.copyOf(masked.keySet()));
        assertEquals(List.of("1", "2", "3", "4"), List.copyOf(masked.values()));
    }

    @Test
    void keysKeepPerConversationAndPerAgentOrder() {
        assertEquals("c1", new ConversationEvent.MessagePosted("e", "c1", 3L, AT, "m", SenderType.CUSTOMER, null,
                "Bob", Audience.EVERYONE, "hi").key());
        assertEquals("alice", new RoutingCommand.AcceptOffer("k", "alice", AT, "o", "c1").key());
        assertEquals("alice", new RoutingEvent.AgentStateChanged("e", AT, "alice", "Alice", AgentState.AVAILABLE,
                AgentState.IDLE, null, "agent request", 0, 3, List.of("support")).key());
        assertEquals("queue:support", new ReferenceData.QueueInfo("support", "Support", false).key());
    }
}
