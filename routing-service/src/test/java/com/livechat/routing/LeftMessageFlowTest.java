package com.livechat.routing;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.RoutingEvent.ChatOffered;
import com.livechat.contracts.events.RoutingEvent.OfferWithdrawn;
import com.livechat.contracts.events.RoutingEvent.QueuePositionChanged;
import com.livechat.contracts.events.RoutingEvent.QueueTimedOut;
import com.livechat.contracts.events.WithdrawReason;
import com.livechat.routing.support.Inputs;
import com.livechat.routing.support.Pause;
import com.livechat.routing.support.RoutingTestBase;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.MutableClock;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.livechat.testsupport.auth.AdminRequests.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, on the real broker and database: after a live chat ran out of the queue's maximum wait, the customer
 * left a message ({@code ConversationQueued.leftMessage}); the maximum wait never ends it, not even after an offer
 * it went back from, and it is offered as soon as an agent is available.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_routing_test"))
class LeftMessageFlowTest extends RoutingTestBase {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @Inject
    MutableClock clock;

    @Test
    void aLeftMessageOutlivesTheMaximumWaitThatEndedTheLiveChatAndIsOfferedWhenAnAgentIsAvailable() {
        String queue = Inputs.id("q");
        putQueue(queue, Map.of("name", "Queue " + queue, "ronaTimeoutSeconds", 30, "maxWaitSeconds", 60))
                .statusCode(200);
        String live = Inputs.id("c");
        inputs().send(Inputs.queued(live, queue, T0));
        awaitEvent(QueuePositionChanged.class, e -> e.conversationId().equals(live));

        // Nobody serves the queue: the live chat runs out of its maximum wait.
        clock.advanceTo(clock.instant().plusSeconds(61));
        assertEquals(queue, awaitEvent(QueueTimedOut.class, e -> e.conversationId().equals(live)).queueId());

        // The customer leaves a message in the same queue: it outlives the maximum wait many times over.
        String left = Inputs.id("c");
        inputs().send(Inputs.leftMessage(left, queue, T0));
        awaitEvent(QueuePositionChanged.class, e -> e.conversationId().equals(left));
        clock.advanceTo(clock.instant().plusSeconds(600));
        Pause.until(Instant.now().plusSeconds(2)); // several scan rounds at the new instant
        assertTrue(recorder().events(QueueTimedOut.class, e -> e.conversationId().equals(left)).isEmpty(),
                "a left message timed out");
        assertEquals(List.of(left), waiting(queue));
        asAdmin().get("/queues/{id}/waiting", queue).then().body("[0].leftMessage", equalTo(true));

        // An agent becomes available: it is offered. Declined, it goes back to its queue, still a left message.
        String agent = Inputs.id("a");
        putAgent(agent, 2, queue);
        changeState(agent, AgentState.AVAILABLE);
        ChatOffered first = awaitOffer(left);
        assertEquals(agent, first.agentId());
        inputs().send(Inputs.decline(agent, first.offerId(), left));
        assertEquals(WithdrawReason.DECLINED,
                awaitEvent(OfferWithdrawn.class, e -> e.offerId().equals(first.offerId())).reason());
        clock.advanceTo(clock.instant().plusSeconds(600));
        Pause.until(Instant.now().plusSeconds(2));
        assertTrue(recorder().events(QueueTimedOut.class, e -> e.conversationId().equals(left)).isEmpty(),
                "a left message timed out after going back to its queue");
        assertEquals(List.of(left), waiting(queue));

        changeState(agent, AgentState.AVAILABLE);
        ChatOffered again = awaitOffer(left, first.offerId());
        assertEquals(agent, again.agentId());
    }

    private static List<String> waiting(String queue) {
        return asAdmin().get("/queues/{id}/waiting", queue).then().statusCode(200).extract().jsonPath()
                .getList("conversationId", String.class);
    }

    /** An offer of {@code conversationId} other than {@code previousOfferId}. */
    private static ChatOffered awaitOffer(String conversationId, String previousOfferId) {
        return awaitEvent(ChatOffered.class, e -> e.conversationId().equals(conversationId)
                && !e.offerId().equals(previousOfferId));
    }
}
