package com.livechat.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.contracts.json.EventJson;
import com.livechat.e2e.support.AgentSession;
import com.livechat.e2e.support.CustomerSession;
import com.livechat.e2e.support.E2eStack;
import com.livechat.e2e.support.Fixtures;
import com.livechat.e2e.support.TraceCollector;
import com.livechat.e2e.support.TraceCollector.ReceivedSpan;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Traces across the hops, on the real stack (every service exports to the suite's OTLP receiver): one customer message,
 * sent with a {@code traceparent} of the test's own, yields one trace from the gateway's REST call through masking and
 * the conversation service (its outbox relay included) to the push on the agent's gateway, each hop the child of the
 * one before; and a socket frame (the agent reads it) starts a trace of its own that ends in the push of its effect.
 */
class TracingEndToEndTest {

    @Test
    void oneCustomerMessageIsOneTraceFromTheRestCallToThePushAndSoIsASocketFrame() throws Exception {
        // The stack starts at the first call on it (E2eStack), with every service exporting to the suite's receiver.
        TraceCollector traces = E2eStack.traces();
        String queue = Fixtures.queue("Traced", 30);
        try (AgentSession alice = AgentSession.login(E2eStack.gateway(0), Fixtures.agent("Traced Agent", queue))
                        .available();
                CustomerSession customer = CustomerSession.start(E2eStack.gateway(1), queue, "Jean Dupont",
                        "jean.dupont@example.com", null)) {
            String conversationId = customer.conversationId();
            alice.takeChat(conversationId);

            String traceId = randomHex(16);
            String callerSpanId = randomHex(8);
            HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(E2eStack.gateway(1) + "/api/chats/" + conversationId + "/messages"))
                    .header("Authorization", "Bearer " + customer.token())
                    .header("Content-Type", "application/json")
                    .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                    .POST(HttpRequest.BodyPublishers.ofString(EventJson.mapper().writeValueAsString(
                            Map.of("text", "Where is my parcel?", "clientMessageId", "traced-1"))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, posted.statusCode(), posted.body());
            JsonNode message = alice.awaitMessage(conversationId, "Where is my parcel?");

            List<ReceivedSpan> chain;
            try {
                chain = await().atMost(Duration.ofSeconds(30)).until(() -> chainTo(traces.trace(traceId),
                        "gateway push MessagePosted", "POST"), Optional::isPresent).orElseThrow();
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("No chain from the REST call to the push; the trace holds: "
                        + traces.trace(traceId).stream().map(span -> span.service() + ": " + span.name() + " "
                        + span.spanId() + " <- " + span.parentSpanId()).collect(Collectors.joining("; ")), e);
            }

            // From the REST call to the push: every hop's spans descend from the previous hop's.
            assertEquals(HOPS, hops(chain), describe(chain));
            assertEquals(callerSpanId, chain.get(0).parentSpanId(), describe(chain));

            // A socket frame has no headers: its own span begins the trace, down to the push of what it caused.
            alice.socket().send(Map.of("type", "read", "conversationId", conversationId,
                    "seq", message.path("seq").asLong()));
            List<ReceivedSpan> frameChain;
            try {
                frameChain = await().atMost(Duration.ofSeconds(30)).until(() -> chainTo(traces.all(),
                        "gateway push MessagesRead", "gateway socket frame"), Optional::isPresent).orElseThrow();
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("No chain from a socket frame to the push of MessagesRead", e);
            }
            assertEquals(HOPS, hops(frameChain), describe(frameChain));
        }
    }

    private static final List<String> HOPS =
            List.of("agent-gateway", "masking-service", "conversation-service", "agent-gateway");

    /**
     * The spans from a first span named {@code rootPrefix}... down to a push named {@code pushName}, once all have
     * arrived (a missing parent cuts the chain above it).
     */
    private static Optional<List<ReceivedSpan>> chainTo(List<ReceivedSpan> spans, String pushName, String rootPrefix) {
        Map<String, ReceivedSpan> byId = spans.stream()
                .collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity(), (a, b) -> a));
        for (ReceivedSpan push : spans) {
            if (!push.name().equals(pushName)) {
                continue;
            }
            List<ReceivedSpan> chain = new ArrayList<>();
            for (ReceivedSpan span = push; span != null; span = byId.get(span.parentSpanId())) {
                chain.add(0, span);
            }
            if (chain.get(0).name().startsWith(rootPrefix)) {
                return Optional.of(chain);
            }
        }
        return Optional.empty();
    }

    /** The services of a chain, in order, each once per run of spans. */
    private static List<String> hops(List<ReceivedSpan> chain) {
        List<String> hops = new ArrayList<>();
        for (ReceivedSpan span : chain) {
            if (hops.isEmpty() || !hops.get(hops.size() - 1).equals(span.service())) {
                hops.add(span.service());
            }
        }
        return hops;
    }

    private static String describe(List<ReceivedSpan> chain) {
        return chain.stream().map(span -> span.service() + ": " + span.name()).collect(Collectors.joining(" -> "));
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1;
        return HexFormat.of().formatHex(random);
    }
}
