package com.livechat.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.e2e.support.AgentSession;
import com.livechat.e2e.support.CustomerSession;
import com.livechat.e2e.support.E2eStack;
import com.livechat.e2e.support.Fixtures;
import com.livechat.testsupport.stack.LivechatService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transfers through the gateway (issue 7): to a queue, back to a queue the transferring agent also serves, to an
 * agent who accepts, to an agent who does not (both unanswered-transfer policies), and a customer who leaves while a
 * transfer is pending. Each scenario has its own queues and agents, spreads its people over both gateway instances,
 * and ends with the conversation CLOSED in the conversation service's database and one wrap-up record per
 * participation (none for agents who never joined).
 */
class TransferEndToEndTest {

    private static final String TRANSFER_TO_AGENT_TEXT = "You are being transferred to another agent. Please wait.";
    private static final String REQUEUED_TEXT = "The agent could not take your chat. You are back in the queue.";
    private static final String ABANDONED_TEXT = "No agent could take over your chat. The chat has ended.";

    @BeforeAll
    static void startSystem() {
        E2eStack.get();
    }

    @Test
    void transferToAQueue() throws Exception {
        String firstQueue = Fixtures.queue("Orders", 30);
        String targetQueue = Fixtures.queue("Billing", 30);
        String firstId = Fixtures.agent("Olga Orders", firstQueue);
        String billingId = Fixtures.agent("Basile Billing", targetQueue);
        try (AgentSession first = AgentSession.login(E2eStack.gateway(0), firstId).available();
                AgentSession billing = AgentSession.login(E2eStack.gateway(1), billingId).available();
                CustomerSession customer = CustomerSession.start(E2eStack.gateway(1), firstQueue, "Jeanne Queue",
                        "jeanne.queue@example.com", null)) {
            String id = customer.conversationId();
            JsonNode firstOffer = first.awaitOffer(id);
            first.acceptAndJoin(firstOffer);
            customer.sendSeenBy(first, "I was charged twice for order A-1042");
            first.send(id, "Billing will sort that out, one moment.").expect(202);
            customer.awaitMessage("Billing will sort that out, one moment.");

            first.transferToQueue(id, targetQueue).expect(202);
            first.await("participant", id, frame -> first.isAboutMe(frame)
                    && "left".equals(frame.path("change").asText()));
            customer.await("agent-left", frame -> "Olga Orders".equals(frame.path("agentName").asText()));
            first.wrapUp(id, "TRANSFERRED").expect(202);

            JsonNode offer = billing.awaitOffer(id);
            // The pop-up says it is a transfer, and from whom (issue 11), though routing queued it like any chat.
            assertEquals("TRANSFER", offer.path("kind").asText());
            assertEquals("Olga Orders", offer.path("requestedByName").asText());
            assertEquals(targetQueue, offer.path("queueId").asText());
            assertEquals(firstOffer.path("receivedAt").asText(), offer.path("receivedAt").asText(),
                    "the original waiting time counts in the new queue");
            assertTrue(AgentSession.threadTexts(offer).containsAll(List.of("I was charged twice for order A-1042",
                    "Billing will sort that out, one moment.")), "the whole thread comes with the offer: " + offer);
            customer.awaitMessage("You are being transferred to " + offer.path("queueName").asText()
                    + ". Please wait for the next available agent.");

            billing.acceptAndJoin(offer);
            customer.await("agent-joined", frame -> "Basile Billing".equals(frame.path("agentName").asText()));
            billing.send(id, "Hello Jeanne, I have refunded the second charge.").expect(202);
            customer.awaitMessage("Hello Jeanne, I have refunded the second charge.");

            customer.end().expect(202);
            billing.await("customer-ended", id, frame -> true);
            billing.end(id).expect(202);
            billing.wrapUp(id, "RESOLVED").expect(202);

            Fixtures.assertClosedWithOneWrapUpEach(id, firstId, billingId);
            Fixtures.awaitNothingHeld(first, billing);
        }
    }

    /**
     * The review's "transfer back" case: an agent transfers a chat to a queue they also serve. Routing does not offer
     * it back to them while they wrap up their part (their earlier participation is not settled), even though they
     * are AVAILABLE, have free slots and lead the line; the other agent of that queue is IDLE, so the chat waits.
     * Once their wrap-up is recorded (DONE), the chat is theirs again: a second participation, ended and wrapped up
     * on its own. The conversation closes with two participations of that agent, each DONE with its own wrap-up,
     * which is what the design implies (a wrap-up belongs to one participation, an agent has at most one open per
     * chat).
     */
    @Test
    void transferBackToAQueueTheAgentAlsoServes() throws Exception {
        String homeQueue = Fixtures.queue("Home", 30);
        String backQueue = Fixtures.queue("Back", 30);
        String bothId = Fixtures.agent("Bianca Both", homeQueue, backQueue);
        String backId = Fixtures.agent("Boris Back", backQueue);
        try (AgentSession both = AgentSession.login(E2eStack.gateway(0), bothId).available();
                AgentSession back = AgentSession.login(E2eStack.gateway(1), backId).changeState("IDLE", "BREAK");
                CustomerSession customer = CustomerSession.start(E2eStack.gateway(1), homeQueue, "Lea Back",
                        "lea.back@example.com", null)) {
            String id = customer.conversationId();
            JsonNode firstOffer = both.awaitOffer(id);
            both.acceptAndJoin(firstOffer);
            customer.sendSeenBy(both, "My order went to the wrong address");

            both.transferToQueue(id, backQueue).expect(202);
            both.await("participant", id, frame -> both.isAboutMe(frame)
                    && "left".equals(frame.path("change").asText()));
            // Routing decided the requeue (its dispatch ran with the agent free) and kept the chat waiting.
            await().atMost(AgentSession.WAIT).until(() -> Fixtures.waitingIn(backQueue).contains(id));

            // A later chat of the same queue, behind it in the line, goes to the agent: they are free, only not for
            // the chat they are still wrapping up.
            try (CustomerSession later = CustomerSession.start(E2eStack.gateway(0), backQueue, "Max Later", null,
                    null)) {
                JsonNode laterOffer = both.awaitOffer(later.conversationId());
                assertEquals(List.of(firstOffer.path("offerId").asText()), offerIds(both, id),
                        "not offered back while the agent wraps it up");
                assertEquals(List.of(id), Fixtures.waitingIn(backQueue));
                later.end().expect(202);
                JsonNode cancelled = both.await("offer-withdrawn", later.conversationId(),
                        frame -> laterOffer.path("offerId").asText().equals(frame.path("offerId").asText()));
                assertEquals("CANCELLED", cancelled.path("reason").asText());
            }
            assertEquals(List.of("WRAP_UP -"), Fixtures.participationsOf(id, bothId));

            both.wrapUp(id, "TRANSFERRED").expect(202);
            JsonNode secondOffer = both.socket().await("offer", frame -> id.equals(frame.path("conversationId").asText())
                    && !firstOffer.path("offerId").asText().equals(frame.path("offerId").asText()), AgentSession.WAIT);
            assertEquals("TRANSFER", secondOffer.path("kind").asText(), "offered again as the transfer it is");
            assertEquals(backQueue, secondOffer.path("queueId").asText());
            assertEquals(firstOffer.path("receivedAt").asText(), secondOffer.path("receivedAt").asText(),
                    "the original waiting time is kept");
            assertTrue(AgentSession.threadTexts(secondOffer).contains("My order went to the wrong address"),
                    "the whole thread comes with the offer: " + secondOffer);
            assertTrue(back.socket().frames("offer").isEmpty(), "the IDLE agent was offered nothing");

            both.acceptAndJoin(secondOffer);
            both.send(id, "Back with you, I have corrected the address.").expect(202);
            customer.awaitMessage("Back with you, I have corrected the address.");
            customer.end().expect(202);
            both.await("customer-ended", id, frame -> true);
            both.end(id).expect(202);
            both.wrapUp(id, "RESOLVED").expect(202);

            Fixtures.assertClosedWithWrapUps(id, Map.of(bothId, 2));
            assertEquals(List.of("DONE TRANSFERRED", "DONE RESOLVED"), Fixtures.participationsOf(id, bothId));
            Fixtures.awaitNothingHeld(both, back);
        }
    }

    @Test
    void transferToAnAvailableAgentWhoAccepts() throws Exception {
        String queue = Fixtures.queue("Direct", 30);
        String busyQueue = Fixtures.queue("Busy", 30);
        String firstId = Fixtures.agent("Ada First", queue);
        String targetId = Fixtures.agent("Tom Target");
        String busyId = Fixtures.agent("Bea Busy", 1, busyQueue);
        String idleId = Fixtures.agent("Ian Idle");
        try (AgentSession first = AgentSession.login(E2eStack.gateway(0), firstId).available();
                AgentSession target = AgentSession.login(E2eStack.gateway(1), targetId).available();
                AgentSession busy = AgentSession.login(E2eStack.gateway(1), busyId).available();
                AgentSession idle = AgentSession.login(E2eStack.gateway(0), idleId).changeState("IDLE", "BREAK");
                CustomerSession busyCustomer = CustomerSession.start(E2eStack.gateway(0), busyQueue, "Paul Busy",
                        null, null);
                CustomerSession customer = CustomerSession.start(E2eStack.gateway(1), queue, "Jean Direct",
                        "jean.direct@example.com", null)) {
            String busyChat = busyCustomer.conversationId();
            busy.takeChat(busyChat);
            busy.socket().await("agent-state", frame -> frame.path("activeChats").asInt() == 1, AgentSession.WAIT);

            String id = customer.conversationId();
            first.takeChat(id);
            customer.sendSeenBy(first, "Can I speak to someone about my contract?");

            List<String> targetIds = first.transferTargets().path("agents").findValuesAsText("agentId");
            assertTrue(targetIds.contains(targetId), "an AVAILABLE agent with free capacity is offered: " + targetIds);
            assertFalse(targetIds.contains(busyId), "a busy agent is not offered: " + targetIds);
            assertFalse(targetIds.contains(idleId), "an IDLE agent is not offered: " + targetIds);
            assertFalse(targetIds.contains(firstId), "the agent is not offered themselves: " + targetIds);
            assertEquals("TARGET_NOT_AVAILABLE", first.transferToAgent(id, busyId).expect(409).body()
                    .path("code").asText());
            assertEquals("TARGET_NOT_AVAILABLE", first.transferToAgent(id, idleId).expect(409).body()
                    .path("code").asText());

            first.transferToAgent(id, targetId).expect(202);
            first.await("transfer", id, frame -> "requested".equals(frame.path("status").asText())
                    && targetId.equals(frame.path("agentId").asText()));
            first.await("participant", id, frame -> first.isAboutMe(frame)
                    && "left".equals(frame.path("change").asText()));
            customer.awaitMessage(TRANSFER_TO_AGENT_TEXT);
            first.wrapUp(id, "TRANSFERRED").expect(202);

            JsonNode offer = target.awaitOffer(id);
            assertEquals("TRANSFER", offer.path("kind").asText());
            assertEquals(firstId, offer.path("requestedBy").asText());
            assertTrue(AgentSession.threadTexts(offer).contains("Can I speak to someone about my contract?"),
                    "the whole thread comes with the offer: " + offer);
            target.acceptAndJoin(offer);
            customer.await("agent-joined", frame -> "Tom Target".equals(frame.path("agentName").asText()));
            target.send(id, "Hello, I handle contracts.").expect(202);
            customer.awaitMessage("Hello, I handle contracts.");
            customer.sendSeenBy(target, "Great, thanks");

            customer.end().expect(202);
            target.await("customer-ended", id, frame -> true);
            target.end(id).expect(202);
            target.wrapUp(id, "RESOLVED").expect(202);
            Fixtures.assertClosedWithOneWrapUpEach(id, firstId, targetId);

            busyCustomer.end().expect(202);
            busy.await("customer-ended", busyChat, frame -> true);
            busy.end(busyChat).expect(202);
            busy.wrapUp(busyChat, "RESOLVED").expect(202);
            Fixtures.assertClosedWithOneWrapUpEach(busyChat, busyId);
            Fixtures.awaitNothingHeld(first, target, busy, idle);
        }
    }

    @Test
    void transferNotAcceptedGoesBackToItsQueue() throws Exception {
        String queue = Fixtures.queue("Requeue", 5);
        String firstId = Fixtures.agent("Una First", queue);
        String finisherId = Fixtures.agent("Fay Finisher", queue);
        String targetId = Fixtures.agent("Rex Target");
        // The first agent is AVAILABLE before the finisher, so gets the chat; after that offer the finisher has been
        // ready the longest, so gets the chat when it comes back to the queue.
        try (AgentSession first = AgentSession.login(E2eStack.gateway(0), firstId).available();
                AgentSession finisher = AgentSession.login(E2eStack.gateway(1), finisherId).available();
                AgentSession target = AgentSession.login(E2eStack.gateway(1), targetId).available();
                CustomerSession customer = CustomerSession.start(E2eStack.gateway(0), queue, "Jules Requeue",
                        null, "+33 6 00 00 00 01")) {
            String id = customer.conversationId();
            JsonNode firstOffer = first.awaitOffer(id);
            first.acceptAndJoin(firstOffer);
            customer.sendSeenBy(first, "My parcel never arrived");

            first.transferToAgent(id, targetId).expect(202);
            JsonNode transferOffer = target.awaitOffer(id);
            assertEquals("TRANSFER", transferOffer.path("kind").asText());
            first.wrapUp(id, "TRANSFERRED").expect(202);

            target.await("offer-withdrawn", id, frame -> "RONA_TIMEOUT".equals(frame.path("reason").asText()));
            target.socket().await("agent-state", frame -> "RONA".equals(frame.path("state").asText()),
                    AgentSession.WAIT);
            customer.awaitMessage(REQUEUED_TEXT);

            JsonNode requeued = finisher.awaitOffer(id);
            assertEquals("QUEUE", requeued.path("kind").asText());
            assertEquals(queue, requeued.path("queueId").asText(), "back in the queue it came from");
            assertEquals(firstOffer.path("receivedAt").asText(), requeued.path("receivedAt").asText(),
                    "the original waiting time is kept");
            assertTrue(AgentSession.threadTexts(requeued).contains("My parcel never arrived"),
                    "the whole thread comes with the offer: " + requeued);
            finisher.acceptAndJoin(requeued);
            customer.await("agent-joined", frame -> "Fay Finisher".equals(frame.path("agentName").asText()));
            finisher.send(id, "I am looking into your parcel now.").expect(202);
            customer.awaitMessage("I am looking into your parcel now.");

            customer.end().expect(202);
            finisher.await("customer-ended", id, frame -> true);
            finisher.end(id).expect(202);
            finisher.wrapUp(id, "RESOLVED").expect(202);

            Fixtures.assertClosedWithOneWrapUpEach(id, firstId, finisherId);
            assertEquals("RONA", target.presence().path("state").asText());
            Fixtures.awaitNothingHeld(first, finisher, target);
        }
    }

    @Test
    void transferNotAcceptedAbandonsTheChatUnderTheAbandonPolicy() throws Exception {
        E2eStack.restart(LivechatService.CONVERSATION,
                Map.of("LIVECHAT_CONVERSATION_TRANSFER_UNANSWERED_POLICY", "ABANDON"));
        try {
            String queue = Fixtures.queue("Abandon", 5);
            String firstId = Fixtures.agent("Abel First", queue);
            String targetId = Fixtures.agent("Roxane Target");
            try (AgentSession first = AgentSession.login(E2eStack.gateway(1), firstId).available();
                    AgentSession target = AgentSession.login(E2eStack.gateway(0), targetId).available();
                    CustomerSession customer = CustomerSession.start(E2eStack.gateway(0), queue, "Jade Abandon",
                            "jade.abandon@example.com", null)) {
                String id = customer.conversationId();
                first.takeChat(id);
                customer.sendSeenBy(first, "Can someone else help me?");

                first.transferToAgent(id, targetId).expect(202);
                target.awaitOffer(id);
                target.await("offer-withdrawn", id, frame -> "RONA_TIMEOUT".equals(frame.path("reason").asText()));
                target.socket().await("agent-state", frame -> "RONA".equals(frame.path("state").asText()),
                        AgentSession.WAIT);

                customer.awaitMessage(ABANDONED_TEXT);
                customer.await("conversation-ended", frame -> "ABANDONED".equals(frame.path("state").asText()));
                assertEquals(409, customer.send("Hello?").status(), "the chat is over for the customer");
                first.await("conversation-state", id, frame -> "ABANDONED".equals(frame.path("to").asText()));
                assertEquals("ABANDONED", Fixtures.storedState(id), "not closed while a wrap-up is owed");

                first.wrapUp(id, "TRANSFERRED").expect(202);
                Fixtures.assertClosedWithOneWrapUpEach(id, firstId);
                Fixtures.awaitNothingHeld(first, target);
            }
        } finally {
            E2eStack.restart(LivechatService.CONVERSATION, Map.of());
        }
    }

    @Test
    void customerEndsWhileATransferIsPending() throws Exception {
        // A long RONA timeout: the offer must be withdrawn because the customer left, not because it expired.
        String queue = Fixtures.queue("Pending", 120);
        String firstId = Fixtures.agent("Pia First", queue);
        String targetId = Fixtures.agent("Tess Target");
        try (AgentSession first = AgentSession.login(E2eStack.gateway(1), firstId).available();
                AgentSession target = AgentSession.login(E2eStack.gateway(0), targetId).available();
                CustomerSession customer = CustomerSession.start(E2eStack.gateway(1), queue, "Joe Pending",
                        null, null)) {
            String id = customer.conversationId();
            first.takeChat(id);
            first.transferToAgent(id, targetId).expect(202);
            JsonNode offer = target.awaitOffer(id);

            customer.end().expect(202);
            customer.await("conversation-ended", frame -> "ABANDONED".equals(frame.path("state").asText()));
            JsonNode withdrawn = target.await("offer-withdrawn", id,
                    frame -> offer.path("offerId").asText().equals(frame.path("offerId").asText()));
            assertEquals("CANCELLED", withdrawn.path("reason").asText());
            target.await("participant", id, frame -> target.isAboutMe(frame)
                    && "withdrawn".equals(frame.path("change").asText()));
            assertTrue(target.get("/api/agent/offers").expect(200).body().isEmpty(), "no offer left dangling");
            assertEquals("AVAILABLE", target.presence().path("state").asText(), "the target did not go to RONA");
            assertTrue(target.socket().frames("agent-state").stream()
                    .noneMatch(frame -> "RONA".equals(frame.path("state").asText())), "the target never went to RONA");
            assertEquals("ABANDONED", Fixtures.storedState(id), "not closed while a wrap-up is owed");

            first.wrapUp(id, "TRANSFERRED").expect(202);
            Fixtures.assertClosedWithOneWrapUpEach(id, firstId);
            Fixtures.awaitNothingHeld(first, target);
        }
    }

    /** The ids of the offers of {@code conversationId} the agent's desktop received. */
    private static List<String> offerIds(AgentSession agent, String conversationId) {
        return agent.socket().frames("offer").stream()
                .filter(frame -> conversationId.equals(frame.path("conversationId").asText()))
                .map(frame -> frame.path("offerId").asText())
                .toList();
    }
}
