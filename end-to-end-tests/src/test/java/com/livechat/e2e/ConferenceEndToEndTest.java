package com.livechat.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.e2e.support.AgentSession;
import com.livechat.e2e.support.CustomerSession;
import com.livechat.e2e.support.E2eStack;
import com.livechat.e2e.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conferences through the gateway (issue 7): accepted, then ended by the inviting agent while the invitee carries
 * on; not accepted; and the queue deleted during a conference. Each scenario has its own queue and agents, and ends
 * with the conversation CLOSED in the conversation service's database and one wrap-up record per agent who was in
 * it (none for an invitee who never joined).
 */
class ConferenceEndToEndTest {

    private static final String CHAT_ENDED_TEXT = "The chat has ended. Thank you for contacting us.";

    @BeforeAll
    static void startSystem() {
        E2eStack.get();
    }

    @Test
    void conferenceAcceptedThenEndedByTheInvitingAgent() throws Exception {
        String queue = Fixtures.queue("Conference", 30);
        String firstId = Fixtures.agent("Carla First", queue);
        String guestId = Fixtures.agent("Gus Guest");
        try (AgentSession first = AgentSession.login(E2eStack.gateway(0), firstId).available();
                AgentSession guest = AgentSession.login(E2eStack.gateway(1), guestId).available();
                CustomerSession customer = CustomerSession.start(E2eStack.gateway(1), queue, "Jean Conference",
                        "jean.conference@example.com", null)) {
            String id = customer.conversationId();
            first.takeChat(id);
            customer.sendSeenBy(first, "My router keeps rebooting");

            first.inviteToConference(id, guestId).expect(202);
            first.await("conference", id, frame -> first.isAboutMe(frame)
                    && "requested".equals(frame.path("status").asText()));
            JsonNode offer = guest.awaitOffer(id);
            assertEquals("CONFERENCE", offer.path("kind").asText());
            assertEquals(firstId, offer.path("requestedBy").asText());
            assertTrue(AgentSession.threadTexts(offer).contains("My router keeps rebooting"),
                    "the whole thread comes with the invitation: " + offer);

            guest.acceptAndJoin(offer);
            first.await("conference", id, frame -> first.isAboutMe(frame)
                    && "accepted".equals(frame.path("status").asText()));
            first.awaitMessage(id, "Gus Guest joined the chat");
            guest.awaitMessage(id, "Gus Guest joined the chat");
            customer.awaitMessage("Gus Guest joined the chat");
            customer.await("agent-joined", frame -> "Gus Guest".equals(frame.path("agentName").asText()));

            first.send(id, "I have asked our network expert to join.").expect(202);
            customer.awaitMessage("I have asked our network expert to join.");
            guest.awaitMessage(id, "I have asked our network expert to join.");
            guest.send(id, "Hello, which model is it?").expect(202);
            customer.awaitMessage("Hello, which model is it?");
            first.awaitMessage(id, "Hello, which model is it?");
            customer.sendSeenBy(first, "It is the X200");
            guest.awaitMessage(id, "It is the X200");

            first.endConference(id).expect(202);
            first.await("conference", id, frame -> first.isAboutMe(frame)
                    && "ended".equals(frame.path("status").asText()) && "WRAP_UP".equals(frame.path("to").asText()));
            guest.await("conference", id, frame -> guest.isAboutMe(frame)
                    && "ended".equals(frame.path("status").asText()) && "ACTIVE".equals(frame.path("to").asText()));
            customer.await("agent-left", frame -> "Carla First".equals(frame.path("agentName").asText()));
            first.wrapUp(id, "FOLLOW_UP").expect(202);

            guest.send(id, "A firmware update will fix it.").expect(202);
            customer.awaitMessage("A firmware update will fix it.");
            guest.end(id).expect(202);
            customer.awaitMessage(CHAT_ENDED_TEXT);
            customer.await("conversation-ended", frame -> "ENDED".equals(frame.path("state").asText()));
            guest.wrapUp(id, "RESOLVED").expect(202);

            Fixtures.assertClosedWithOneWrapUpEach(id, firstId, guestId);
            Fixtures.awaitNothingHeld(first, guest);
        }
    }

    @Test
    void conferenceNotAcceptedLeavesTheChatWithTheFirstAgent() throws Exception {
        String queue = Fixtures.queue("Unanswered conference", 5);
        String firstId = Fixtures.agent("Nina First", queue);
        String guestId = Fixtures.agent("Noah Guest");
        try (AgentSession first = AgentSession.login(E2eStack.gateway(1), firstId).available();
                AgentSession guest = AgentSession.login(E2eStack.gateway(0), guestId).available();
                CustomerSession customer = CustomerSession.start(E2eStack.gateway(0), queue, "Jo Unanswered",
                        null, null)) {
            String id = customer.conversationId();
            first.takeChat(id);
            first.inviteToConference(id, guestId).expect(202);
            JsonNode offer = guest.awaitOffer(id);

            guest.await("offer-withdrawn", id, frame -> offer.path("offerId").asText()
                    .equals(frame.path("offerId").asText()) && "RONA_TIMEOUT".equals(frame.path("reason").asText()));
            first.await("conference", id, frame -> first.isAboutMe(frame)
                    && "declined".equals(frame.path("status").asText()) && "ACTIVE".equals(frame.path("to").asText()));
            first.awaitMessage(id, "Noah Guest did not join the conference");

            first.send(id, "My colleague is busy, I will help you myself.").expect(202);
            customer.awaitMessage("My colleague is busy, I will help you myself.");
            customer.end().expect(202);
            first.await("customer-ended", id, frame -> true);
            first.end(id).expect(202);
            first.wrapUp(id, "RESOLVED").expect(202);

            Fixtures.assertClosedWithOneWrapUpEach(id, firstId);
            assertTrue(customer.socket().frames("agent-joined").stream()
                    .noneMatch(frame -> "Noah Guest".equals(frame.path("agentName").asText())),
                    "the invitee never joined");
            Fixtures.awaitNothingHeld(first, guest);
        }
    }

    @Test
    void queueDeletedDuringAConference() throws Exception {
        String queue = Fixtures.queue("Doomed", 30);
        String firstId = Fixtures.agent("Dora First", queue);
        String guestId = Fixtures.agent("Dan Guest");
        try (AgentSession first = AgentSession.login(E2eStack.gateway(0), firstId).available();
                AgentSession guest = AgentSession.login(E2eStack.gateway(1), guestId).available();
                CustomerSession customer = CustomerSession.start(E2eStack.gateway(1), queue, "Jim Doomed",
                        null, null)) {
            String id = customer.conversationId();
            first.takeChat(id);
            first.inviteToConference(id, guestId).expect(202);
            guest.takeChat(id);
            first.await("conference", id, frame -> first.isAboutMe(frame)
                    && "accepted".equals(frame.path("status").asText()));

            Fixtures.deleteQueue(queue);
            first.await("interrupted", id, frame -> true);
            guest.await("interrupted", id, frame -> true);
            first.await("message", id, frame -> "SYSTEM".equals(frame.path("senderType").asText())
                    && frame.path("text").asText().startsWith("This conversation was interrupted"));
            customer.await("conversation-ended", frame -> "INTERRUPTED".equals(frame.path("state").asText()));

            assertEquals(409, first.send(id, "Are you still there?").status(), "the gateway refuses agent messages");
            assertEquals(409, guest.send(id, "Hello?").status(), "the gateway refuses agent messages");
            assertEquals(409, customer.send("Hello?").status(), "the gateway refuses customer messages");

            first.end(id).expect(202);
            first.wrapUp(id, "NO_RESPONSE").expect(202);
            guest.end(id).expect(202);
            guest.wrapUp(id, "NO_RESPONSE").expect(202);

            Fixtures.assertClosedWithOneWrapUpEach(id, firstId, guestId);
            Fixtures.awaitNothingHeld(first, guest);
        }
    }
}
