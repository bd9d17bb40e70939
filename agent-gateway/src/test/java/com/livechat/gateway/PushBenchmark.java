package com.livechat.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.gateway.support.Fixtures;
import com.livechat.gateway.support.Kafka;
import com.livechat.gateway.support.Scenario;
import com.livechat.gateway.support.TestSocket;
import com.livechat.testsupport.auth.TestTokens;
import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.SenderType;
import com.livechat.contracts.events.Topics;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Not part of the test suite (the name does not end in Test). Measures how fast conversation events go from the
 * broker to an agent's socket (projection committed, then pushed):
 * {@code ./mvnw -B -pl agent-gateway verify -Dtest=PushBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (optionally {@code -Dbenchmark.messages=2000}). Prints throughput and latency percentiles.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class PushBenchmark {

    @TestHTTPResource("/")
    URI baseUri;

    @Test
    void pushThroughputAndLatency() {
        int messages = Integer.getInteger("benchmark.messages", 1000);
        Fixtures.referenceData();
        String agentId = Scenario.unique("bench");
        String token = TestTokens.agent(agentId, "Bench");
        Scenario chat = Fixtures.connectedChat(agentId, "Bench");
        try (TestSocket socket = TestSocket.agent(baseUri, token)) {
            socket.await("hello");
            List<ConversationEvent> events = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                events.add(new ConversationEvent.MessagePosted(UUID.randomUUID().toString(), chat.conversationId,
                        chat.nextSeq(), Instant.now(), UUID.randomUUID().toString(), SenderType.CUSTOMER, null,
                        "Customer", Audience.EVERYONE, "benchmark " + i));
            }
            Instant start = Instant.now();
            Kafka.publishAll(Topics.CONVERSATION_EVENTS, events);
            Instant published = Instant.now();
            await().atMost(Duration.ofMinutes(10)).until(() -> socket.frames("message").size() >= messages);
            Instant done = Instant.now();
            List<JsonNode> frames = socket.frames();
            List<Long> arrivals = socket.arrivalMillis();
            List<Long> lagMillis = new ArrayList<>();
            for (int i = 0; i < frames.size(); i++) {
                if ("message".equals(frames.get(i).path("type").asText())) {
                    lagMillis.add(arrivals.get(i) - Instant.parse(frames.get(i).path("occurredAt").asText()).toEpochMilli());
                }
            }
            Collections.sort(lagMillis);
            double seconds = Duration.between(start, done).toMillis() / 1000.0;
            System.out.printf("PushBenchmark: %d messages produced in %.2f s; all %d pushed %.2f s after the first was produced: %.0f msg/s%n",
                    messages, Duration.between(start, published).toMillis() / 1000.0, messages, seconds, messages / seconds);
            System.out.printf("PushBenchmark: lag from event creation to socket arrival p50 %d ms, p95 %d ms, max %d ms%n",
                    lagMillis.get(lagMillis.size() / 2), lagMillis.get((int) (lagMillis.size() * 0.95)),
                    lagMillis.get(lagMillis.size() - 1));
            List<Long> singleMillis = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String text = "single " + i;
                long sent = System.currentTimeMillis();
                chat.customerSays(text);
                socket.await("message", frame -> frame.path("text").asText().equals(text));
                singleMillis.add(System.currentTimeMillis() - sent);
            }
            Collections.sort(singleMillis);
            System.out.printf("PushBenchmark: one message at a time (produce, project, push), 20 runs: p50 %d ms, max %d ms%n",
                    singleMillis.get(10), singleMillis.get(19));
            JsonNode last = socket.frames("message").get(socket.frames("message").size() - 1);
            System.out.printf("PushBenchmark: last frame seq %d, in order: %s%n", last.path("seq").asLong(),
                    socket.frames("message").stream().map(f -> f.path("seq").asLong()).toList()
                            .equals(socket.frames("message").stream().map(f -> f.path("seq").asLong()).sorted().toList()));
        }
    }
}
