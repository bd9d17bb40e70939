package com.livechat.routing;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.RoutingEvent.ChatAssigned;
import com.livechat.contracts.events.RoutingEvent.ChatOffered;
import com.livechat.routing.support.Inputs;
import com.livechat.routing.support.RoutingTestBase;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import com.livechat.testsupport.TextScan;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Erasure on request (docs/privacy.md): after {@code CustomerDataErased}, no text column of routing's database holds
 * the customer's name (offers, waiting chats), and routing goes on deciding.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_routing_test"))
class ErasureTest extends RoutingTestBase {

    @Test
    void theCustomersNameLeavesOffersAndWaitingChats() throws Exception {
        String queue = Inputs.id("q");
        String agent = Inputs.id("a");
        putQueue(queue, 30);
        putAgent(agent, 1, queue);
        changeState(agent, AgentState.AVAILABLE);

        String served = Inputs.id("c");
        inputs().send(Inputs.queued(served, queue, Instant.now()));
        ChatOffered offer = awaitOffer(served);
        inputs().send(Inputs.accept(agent, offer.offerId(), served));
        awaitEvent(ChatAssigned.class, a -> a.conversationId().equals(served));
        // The agent is busy (capacity 1): the second chat waits.
        String waiting = Inputs.id("c");
        inputs().send(Inputs.queued(waiting, queue, Instant.now()));
        String servedName = "Customer " + served.substring(0, 8);
        String waitingName = "Customer " + waiting.substring(0, 8);
        await().atMost(WAIT).until(() -> !scan(waitingName).isEmpty());
        assertFalse(scan(servedName).isEmpty(), "the offer holds the name before the erasure");

        inputs().send(erased(waiting));
        await().atMost(WAIT).until(() -> scan(waitingName).isEmpty());
        inputs().send(Inputs.participation(served, agent, ParticipantState.ACTIVE, ParticipantState.WRAP_UP));
        inputs().send(Inputs.conversation(served, ConversationState.CONNECTED, ConversationState.ENDED));
        inputs().send(erased(served));
        await().atMost(WAIT).until(() -> scan(servedName).isEmpty());

        // Routing goes on: the freed agent is offered the waiting chat, without its name; an erasure again is harmless.
        ChatOffered next = awaitOffer(waiting);
        assertTrue(ConversationEvent.CustomerDataErased.ERASED.equals(next.customerName()),
                "offered as " + next.customerName());
        inputs().send(erased(served));
        inputs().send(Inputs.participation(served, agent, ParticipantState.WRAP_UP, ParticipantState.DONE));
        await().atMost(WAIT).until(() -> offers(served).size() == 1);
        List<String> left = scan(servedName, waitingName);
        assertTrue(left.isEmpty(), "the customer's name left in routing: " + left);
    }

    private static ConversationEvent.CustomerDataErased erased(String conversationId) {
        return new ConversationEvent.CustomerDataErased(Inputs.id("evt"), conversationId, 40L, Instant.now(),
                Inputs.id("erasure"));
    }

    private static List<String> scan(String... needles) throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""))) {
            return TextScan.occurrences(db, needles);
        }
    }
}
