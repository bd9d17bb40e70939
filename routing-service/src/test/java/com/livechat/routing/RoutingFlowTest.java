package com.livechat.routing;

import com.livechat.routing.support.Inputs;
import com.livechat.routing.support.RoutingTestBase;
import com.livechat.shared.events.AgentState;
import com.livechat.shared.events.OfferKind;
import com.livechat.shared.events.RoutingEvent.ChatAssigned;
import com.livechat.shared.events.RoutingEvent.ChatOffered;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_routing_test"))
class RoutingFlowTest extends RoutingTestBase {

    @Test
    void queuedChatIsOfferedToTheAvailableAgentAndAssignedOnAccept() {
        String queue = Inputs.id("q");
        String agent = Inputs.id("a");
        String chat = Inputs.id("c");
        putQueue(queue, 30);
        putAgent(agent, 3, queue);
        recorder();
        changeState(agent, AgentState.AVAILABLE);

        Instant waitingSince = Instant.parse("2026-01-01T10:00:00Z");
        inputs().send(Inputs.queued(chat, queue, waitingSince));
        ChatOffered offer = awaitOffer(chat);
        assertEquals(agent, offer.agentId());
        assertEquals(OfferKind.QUEUE, offer.kind());
        assertEquals(waitingSince, offer.receivedAt());
        assertEquals("Queue " + queue, offer.queueName());
        assertEquals("Agent " + agent, offer.agentName());

        inputs().send(Inputs.accept(agent, offer.offerId(), chat));
        ChatAssigned assigned = awaitEvent(ChatAssigned.class, e -> e.conversationId().equals(chat));
        assertEquals(agent, assigned.agentId());
        assertEquals(offer.offerId(), assigned.offerId());
    }
}
