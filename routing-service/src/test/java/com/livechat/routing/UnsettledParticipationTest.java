package com.livechat.routing;

import com.livechat.routing.support.Inputs;
import com.livechat.routing.support.RoutingTestBase;
import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.QueueReason;
import com.livechat.contracts.events.RoutingEvent.AgentStateChanged;
import com.livechat.contracts.events.RoutingEvent.ChatAssigned;
import com.livechat.contracts.events.RoutingEvent.ChatOffered;
import com.livechat.contracts.events.RoutingEvent.OfferWithdrawn;
import com.livechat.contracts.events.WithdrawReason;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.livechat.testsupport.auth.AdminRequests.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An agent's slot is freed at WRAP_UP, but the chat is not offered to them again (queue dispatch, requeue, direct
 * transfer or conference offer) until the conversation service reports that participation DONE or WITHDRAWN: an
 * agent has at most one open participation per chat, so their wrap-up always applies to the right one.
 * Every "not offered" below is proven by a later decision that did offer something else to the same agent.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_routing_test"))
class UnsettledParticipationTest extends RoutingTestBase {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void aChatRequeuedWhileItsAgentWrapsItUpGoesToAnotherFreeAgentEvenIfTheyAreFirstInLine() {
        String queue = Inputs.id("q");
        String wrapping = Inputs.id("wrapping");
        String other = Inputs.id("other");
        putQueue(queue, 30);
        putAgent(wrapping, 2, queue);
        putAgent(other, 2, queue);
        changeState(wrapping, AgentState.AVAILABLE);
        String chat = Inputs.id("c");
        inputs().send(Inputs.queued(chat, queue, T0));
        ChatOffered first = awaitOffer(chat);
        assertEquals(wrapping, first.agentId());
        inputs().send(Inputs.accept(wrapping, first.offerId(), chat));
        awaitEvent(ChatAssigned.class, e -> e.offerId().equals(first.offerId()));
        // Available after the first agent's last offer: the first agent has been ready longer and leads the line.
        changeState(other, AgentState.AVAILABLE);

        transferBackToTheQueue(chat, wrapping, queue);
        ChatOffered requeued = await().atMost(WAIT).until(() -> offers(chat), list -> list.size() == 2).get(1);
        assertEquals(other, requeued.agentId(), "not offered back to the agent still wrapping it up");
        assertEquals(T0, requeued.receivedAt());

        // The first agent was free and first in line all along: the next chat is theirs.
        String next = Inputs.id("next");
        inputs().send(Inputs.queued(next, queue, T0.plusSeconds(1)));
        assertEquals(wrapping, awaitOffer(next).agentId());
    }

    @Test
    void aChatRequeuedWhileItsOnlyAgentWrapsItUpWaitsUntilTheirParticipationIsDone() {
        String queue = Inputs.id("q");
        String agent = Inputs.id("a");
        putQueue(queue, 30);
        putAgent(agent, 1, queue);
        changeState(agent, AgentState.AVAILABLE);
        String chat = Inputs.id("c");
        inputs().send(Inputs.queued(chat, queue, T0));
        ChatOffered first = awaitOffer(chat);
        inputs().send(Inputs.accept(agent, first.offerId(), chat));
        awaitEvent(ChatAssigned.class, e -> e.offerId().equals(first.offerId()));

        transferBackToTheQueue(chat, agent, queue);
        AgentStateChanged released = awaitEvent(AgentStateChanged.class,
                e -> e.agentId().equals(agent) && "Chat released".equals(e.reason()));
        assertEquals(0, released.activeChats(), "wrap-up frees the slot");
        await().atMost(WAIT).untilAsserted(() -> asAdmin().get("/queues/{id}/waiting", queue).then()
                .body("conversationId", equalTo(List.of(chat))));

        // A chat that arrives later is behind it in the queue, yet the agent's one free slot goes to it: they are
        // free, only not for the chat they are still wrapping up.
        String later = Inputs.id("later");
        inputs().send(Inputs.queued(later, queue, T0.plusSeconds(5)));
        ChatOffered laterOffer = awaitOffer(later);
        assertEquals(agent, laterOffer.agentId());
        assertEquals(1, offers(chat).size(), "not offered back while the agent wraps it up");
        asAdmin().get("/queues/{id}/waiting", queue).then().body("conversationId", equalTo(List.of(chat)));
        asAdmin().get("/admin/agents/{id}", agent).then().body("activeChats", equalTo(0))
                .body("pendingOffers", equalTo(1));

        // Wrap-up submitted: the participation is settled; once the slot is free again (the later customer left),
        // the chat comes back to them.
        inputs().send(Inputs.participation(chat, agent, ParticipantState.WRAP_UP, ParticipantState.DONE));
        inputs().send(Inputs.conversation(later, ConversationState.OFFERED, ConversationState.ABANDONED));
        assertEquals(WithdrawReason.CANCELLED,
                awaitEvent(OfferWithdrawn.class, e -> e.offerId().equals(laterOffer.offerId())).reason());
        ChatOffered back = await().atMost(WAIT).until(() -> offers(chat), list -> list.size() == 2).get(1);
        assertEquals(agent, back.agentId());
        assertEquals(OfferKind.QUEUE, back.kind());
    }

    @Test
    void aDirectOfferToAnAgentWhoseParticipationIsNotSettledIsWithdrawnAsUnavailable() {
        String queue = Inputs.id("q");
        String agent = Inputs.id("a");
        String colleague = Inputs.id("colleague");
        putQueue(queue, 30);
        putAgent(agent, 3, queue);
        changeState(agent, AgentState.AVAILABLE);
        String chat = Inputs.id("c");
        inputs().send(Inputs.queued(chat, queue, T0));
        ChatOffered first = awaitOffer(chat);
        inputs().send(Inputs.accept(agent, first.offerId(), chat));
        awaitEvent(ChatAssigned.class, e -> e.offerId().equals(first.offerId()));

        // In the chat: a conference invitation to them is refused.
        inputs().send(Inputs.direct(chat, OfferKind.CONFERENCE, agent, colleague, queue));
        assertEquals(WithdrawReason.UNAVAILABLE, awaitEvent(OfferWithdrawn.class,
                e -> e.conversationId().equals(chat) && e.kind() == OfferKind.CONFERENCE).reason());

        // Wrapping up (they transferred it to the colleague, who gave it back): a transfer to them is refused too.
        inputs().send(Inputs.participation(chat, agent, ParticipantState.ACTIVE, ParticipantState.WRAP_UP));
        awaitEvent(AgentStateChanged.class, e -> e.agentId().equals(agent) && "Chat released".equals(e.reason()));
        inputs().send(Inputs.direct(chat, OfferKind.TRANSFER, agent, colleague, queue));
        OfferWithdrawn refused = awaitEvent(OfferWithdrawn.class,
                e -> e.conversationId().equals(chat) && e.kind() == OfferKind.TRANSFER);
        assertEquals(WithdrawReason.UNAVAILABLE, refused.reason());
        assertEquals(agent, refused.agentId());
        assertEquals(1, offers(chat).size());

        // Once DONE, the same request is offered.
        inputs().send(Inputs.participation(chat, agent, ParticipantState.WRAP_UP, ParticipantState.DONE));
        inputs().send(Inputs.direct(chat, OfferKind.TRANSFER, agent, colleague, queue));
        ChatOffered transfer = await().atMost(WAIT).until(() -> offers(chat), list -> list.size() == 2).get(1);
        assertEquals(OfferKind.TRANSFER, transfer.kind());
        assertEquals(agent, transfer.agentId());
        assertEquals(colleague, transfer.requestedBy());
    }

    @Test
    void aClosedConversationSettlesEveryParticipationStillOpen() {
        String queue = Inputs.id("q");
        String agent = Inputs.id("a");
        putQueue(queue, 30);
        putAgent(agent, 2, queue);
        changeState(agent, AgentState.AVAILABLE);
        String chat = Inputs.id("c");
        inputs().send(Inputs.queued(chat, queue, T0));
        ChatOffered first = awaitOffer(chat);
        inputs().send(Inputs.accept(agent, first.offerId(), chat));
        awaitEvent(ChatAssigned.class, e -> e.offerId().equals(first.offerId()));
        inputs().send(Inputs.participation(chat, agent, ParticipantState.ACTIVE, ParticipantState.WRAP_UP));

        // The DONE is not seen (say it went to the dead-letter topic), but CLOSED says every participation is over.
        inputs().send(Inputs.conversation(chat, ConversationState.ENDED, ConversationState.CLOSED));
        inputs().send(Inputs.direct(chat, OfferKind.TRANSFER, agent, Inputs.id("colleague"), queue));
        ChatOffered again = await().atMost(WAIT).until(() -> offers(chat), list -> list.size() == 2).get(1);
        assertEquals(agent, again.agentId());
    }

    /** What the conversation service publishes when the agent transfers the chat to a queue. */
    private static void transferBackToTheQueue(String chat, String agent, String queue) {
        inputs().send(Inputs.participation(chat, agent, ParticipantState.ACTIVE, ParticipantState.WRAP_UP));
        inputs().send(new ConversationEvent.ConversationQueued(Inputs.id("evt"), chat, 40L, Instant.now(), queue,
                "Queue " + queue, "Customer", false, T0, QueueReason.TRANSFER));
    }
}
