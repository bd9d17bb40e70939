package com.livechat.gateway;

import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.WithdrawReason;
import com.livechat.gateway.messaging.RoutingEventConsumer;
import com.livechat.gateway.support.Scenario;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A poll of routing events is projected with its statements pipelined (sent at once): they must still take effect
 * in the poll's order, or an offer closed in the same poll as it was made would stay pending.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class RoutingPollOrderTest {

    @Inject
    RoutingEventConsumer consumer;

    @Inject
    Pool pool;

    @Test
    void offersMadeAndClosedInOnePollEndAsTheLastEventSays() {
        String agentId = Scenario.unique("agent");
        Scenario first = Scenario.newConversation("q-support");
        Scenario second = Scenario.newConversation("q-support");
        Scenario third = Scenario.newConversation("q-support");
        RoutingEvent.ChatOffered accepted = first.offerEvent(agentId, "Alice Martin", OfferKind.QUEUE);
        RoutingEvent.ChatOffered withdrawn = second.offerEvent(agentId, "Alice Martin", OfferKind.QUEUE);
        RoutingEvent.ChatOffered pending = third.offerEvent(agentId, "Alice Martin", OfferKind.QUEUE);

        consumer.consume(List.of(accepted,
                        new RoutingEvent.ChatAssigned(Scenario.unique("e"), Instant.now(), accepted.offerId(),
                                accepted.conversationId(), OfferKind.QUEUE, agentId, "Alice Martin"),
                        withdrawn,
                        new RoutingEvent.OfferWithdrawn(Scenario.unique("e"), Instant.now(), withdrawn.offerId(),
                                withdrawn.conversationId(), OfferKind.QUEUE, agentId, WithdrawReason.RONA_TIMEOUT),
                        pending))
                .await().atMost(Duration.ofSeconds(20));

        Map<String, String> status = new HashMap<>();
        pool.preparedQuery("select offer_id, status from agent_offer where agent_id = $1").execute(Tuple.of(agentId))
                .await().atMost(Duration.ofSeconds(10))
                .forEach(row -> status.put(row.getString("offer_id"), row.getString("status")));
        assertEquals(Map.of(accepted.offerId(), "ACCEPTED", withdrawn.offerId(), "WITHDRAWN",
                pending.offerId(), "PENDING"), status);
    }
}
