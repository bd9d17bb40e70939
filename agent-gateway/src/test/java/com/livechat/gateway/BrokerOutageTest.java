package com.livechat.gateway;

import com.livechat.gateway.support.Fixtures;
import com.livechat.gateway.support.Scenario;
import com.livechat.testsupport.auth.TestTokens;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static com.livechat.gateway.DependencyOutageTest.assertUnavailable;
import static com.livechat.gateway.DependencyOutageTest.impatient;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * While the broker cannot take the gateway's commands, a command request fails within the producer's short
 * time-outs ({@code livechat.gateway.broker.*}) with {@code 503 SERVICE_UNAVAILABLE} and {@code Retry-After},
 * instead of hanging for the Kafka defaults. The broker is "down" for the two command channels only (they point to a
 * closed port), so that the consumers, and the other tests sharing the embedded broker, carry on.
 */
@QuarkusTest
@TestProfile(BrokerOutageTest.BrokerUnreachable.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class BrokerOutageTest {

    public static class BrokerUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // No probe during a test: on a busy machine one could start between two requests and wait 3 s.
            return Map.of("mp.messaging.outgoing.inbound-commands.bootstrap.servers", "127.0.0.1:1",
                    "mp.messaging.outgoing.routing-commands.bootstrap.servers", "127.0.0.1:1",
                    "livechat.gateway.broker.probe-interval-ms", "60000");
        }
    }

    @Test
    void commandsFailFastWith503WhileTheBrokerIsUnreachable() {
        Fixtures.referenceData();
        assertUnavailable(impatient().contentType("application/json")
                .body(Map.of("queueId", Fixtures.QUEUE, "customer", Map.of("name", "Jean"))).post("/api/chats"));
        String token = TestTokens.agent(Scenario.unique("broker-outage"), "Outage");
        assertUnavailable(impatient().auth().oauth2(token).contentType("application/json")
                .body(Map.of("state", "AVAILABLE")).put("/api/agent/state"));
    }

    /**
     * Once a send found the broker unreachable, the next command is refused at once instead of waiting for the
     * producer's {@code max.block.ms} (3 s here) behind the others: a functional bound (it was not handed to the
     * producer at all), not a performance figure.
     */
    @Test
    void afterOneFailedSendTheNextCommandsAreRefusedWithoutWaitingForTheProducer() {
        Fixtures.referenceData();
        String token = TestTokens.agent(Scenario.unique("broker-breaker"), "Breaker");
        assertUnavailable(impatient().auth().oauth2(token).contentType("application/json")
                .body(Map.of("state", "AVAILABLE")).put("/api/agent/state"));
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            assertUnavailable(impatient().contentType("application/json")
                    .body(Map.of("queueId", Fixtures.QUEUE, "customer", Map.of("name", "Jean"))).post("/api/chats"));
            long waitedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertTrue(waitedMs < 2_000, "refused in " + waitedMs + " ms, not after the producer's 3 s max.block.ms");
        }
    }
}
