package com.livechat.gateway;

import com.livechat.gateway.support.Fixtures;
import com.livechat.gateway.support.Scenario;
import com.livechat.gateway.support.TestSocket;
import com.livechat.testsupport.auth.TestTokens;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.MutableClock;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What one client may cost the gateway (issue 17, "abuse limits"): chats and invitations per address and per site
 * (429 with Retry-After), the widget's allowed origins (REST and socket), sockets per account, conversations per
 * {@code resume}, each charged to the socket's rate limit. The test profile allows https://shop.example and
 * https://other-shop.example.
 */
@QuarkusTest
@TestProfile(AbuseLimitsTest.TightLimits.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class AbuseLimitsTest {

    /** The defaults of livechat.gateway.socket.*: max-per-account, max-resume-conversations, rate-limit-burst. */
    static final int MAX_SOCKETS = 10;
    static final int MAX_RESUME = 20;

    /** Small limits, so that one test reaches them (the other tests start their chats unlimited). */
    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("livechat.gateway.limits.chats-per-address", "3",
                    "livechat.gateway.limits.chats-per-site", "2",
                    "livechat.gateway.limits.invitations-per-address", "3",
                    "livechat.gateway.limits.invitations-per-site", "2",
                    "livechat.gateway.limits.window", "1M");
        }
    }

    @TestHTTPResource("/")
    URI baseUri;

    @Inject
    MutableClock clock;

    @Test
    void chatsAreLimitedPerSiteAndPerAddressWith429AndRetryAfter() {
        Fixtures.referenceData();
        clock.advance(Duration.ofMinutes(5)); // a fresh window
        startChat("https://a.example/shop").then().statusCode(201);
        startChat("https://a.example/basket").then().statusCode(201);
        throttled(startChat("https://a.example/other"), "for this site");
        startChat("https://b.example/").then().statusCode(201); // the third from this address
        throttled(startChat("https://c.example/"), "from this address");
        throttled(startChat(null), "from this address");

        clock.advance(Duration.ofMinutes(1)); // the window has passed
        startChat("https://a.example/shop").then().statusCode(201);
    }

    @Test
    void invitationsAreLimitedToo() {
        Fixtures.referenceData();
        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 2; i++) {
            invite("https://inviting.example/page").then().statusCode(201);
        }
        throttled(invite("https://inviting.example/page"), "for this site");
        invite(null).then().statusCode(201);
        throttled(invite(null), "from this address");
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void onlyTheAllowedSitesMayUseTheCustomerApiAndSocketFromABrowser() {
        Fixtures.referenceData();
        clock.advance(Duration.ofMinutes(5));
        Map<String, Object> chat = Map.of("queueId", Fixtures.QUEUE, "customer", Map.of("name", "Jean"));
        Response refused = given().header("Origin", "https://evil.example").contentType("application/json").body(chat)
                .post("/api/chats");
        assertEquals(403, refused.statusCode(), refused.asString());
        assertEquals("ORIGIN_NOT_ALLOWED", refused.jsonPath().getString("code"));
        given().header("Origin", "https://evil.example").contentType("application/json")
                .body(Map.of("queueId", Fixtures.QUEUE)).post("/api/invitations").then().statusCode(403);
        String conversationId = given().header("Origin", "https://shop.example").contentType("application/json")
                .body(chat).post("/api/chats").then().statusCode(201).extract().path("conversationId");
        String token = TestTokens.customer(conversationId);

        assertEquals(403, TestSocket.refusedUpgrade(
                () -> TestSocket.customerFrom(baseUri, conversationId, token, "https://evil.example")));
        try (TestSocket socket = TestSocket.customerFrom(baseUri, conversationId, token, "https://other-shop.example")) {
            assertTrue(socket.isOpen());
        }
        // The widget's own frame (/chat/ on the gateway's origin) and clients without Origin are not sites.
        try (TestSocket socket = TestSocket.customer(baseUri, conversationId, token)) {
            assertTrue(socket.isOpen());
        }
        clock.advance(Duration.ofMinutes(1));
    }

    private static Response startChat(String pageUrl) {
        return given().contentType("application/json").body(Map.of("queueId", Fixtures.QUEUE,
                "customer", Map.of("name", "Jean"),
                "attributes", pageUrl == null ? Map.of() : Map.of("pageUrl", pageUrl))).post("/api/chats");
    }

    private static Response invite(String pageUrl) {
        return given().contentType("application/json").body(pageUrl == null ? Map.of("queueId", Fixtures.QUEUE)
                : Map.of("queueId", Fixtures.QUEUE, "pageUrl", pageUrl)).post("/api/invitations");
    }

    private static void throttled(Response response, String why) {
        assertEquals(429, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/problem+json"));
        assertEquals("TOO_MANY_REQUESTS", response.jsonPath().getString("code"));
        assertTrue(response.jsonPath().getString("detail").contains(why), response.asString());
        int retryAfter = Integer.parseInt(response.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    }

    @Test
    void oneAccountMayHoldTenSocketsAndNoMore() {
        String agentId = Scenario.unique("many-sockets");
        String token = TestTokens.agent(agentId, "Many");
        List<TestSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_SOCKETS; i++) {
                TestSocket socket = TestSocket.agent(baseUri, token);
                sockets.add(socket);
                socket.await("hello");
            }
            assertEquals(429, TestSocket.refusedUpgrade(() -> TestSocket.agent(baseUri, token)));
            // Another account is not affected, and a closed socket frees its place.
            try (TestSocket other = TestSocket.agent(baseUri, TestTokens.agent(Scenario.unique("other"), "Other"))) {
                other.await("hello");
            }
            sockets.remove(0).close();
            org.awaitility.Awaitility.await().atMost(TestSocket.WAIT).untilAsserted(() -> {
                try (TestSocket again = TestSocket.agent(baseUri, token)) {
                    again.await("hello");
                }
            });
        } finally {
            sockets.forEach(TestSocket::close);
        }
    }

    @Test
    void aResumeNamesAtMostTwentyConversationsEachChargedToTheRateLimit() {
        String agentId = Scenario.unique("resumer");
        try (TestSocket socket = TestSocket.agent(baseUri, TestTokens.agent(agentId, "Resumer"))) {
            socket.await("hello");
            clock.advance(Duration.ofMinutes(1)); // a full bucket

            socket.send(Map.of("type", "resume", "correlationId", "too-many", "lastSeq", positions(MAX_RESUME + 1)));
            assertEquals("RESUME_TOO_LARGE", socket.await("error",
                    f -> f.path("correlationId").asText().equals("too-many")).path("code").asText());

            clock.advance(Duration.ofMinutes(1));
            socket.send(Map.of("type", "resume", "correlationId", "full", "lastSeq", positions(MAX_RESUME)));
            // 20 conversations nobody may see: 20 refusals, then the resumed frame.
            socket.await("resumed", f -> f.path("correlationId").asText().equals("full"));
            assertEquals(MAX_RESUME, socket.frames("error").stream()
                    .filter(f -> f.path("correlationId").asText().equals("full")).count());

            // The bucket is empty now: the next resume is refused as a whole, nothing is checked. It names 20
            // conversations, so it would need the bucket refilled for 2 s of real time (the test clock runs with the
            // system clock): a resume of 2 was refilled in 0.2 s on a loaded machine and made this test flaky.
            socket.send(Map.of("type", "resume", "correlationId", "again", "lastSeq", positions(MAX_RESUME)));
            assertEquals("RATE_LIMITED", socket.await("error",
                    f -> f.path("correlationId").asText().equals("again")).path("code").asText());
            assertTrue(socket.frames("resumed").stream().noneMatch(f -> f.path("correlationId").asText().equals("again")));

            clock.advance(Duration.ofMinutes(1));
            socket.send(Map.of("type", "resume", "correlationId", "later", "lastSeq", positions(2)));
            socket.await("resumed", f -> f.path("correlationId").asText().equals("later"));
        }
    }

    private static Map<String, Long> positions(int count) {
        Map<String, Long> lastSeq = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            lastSeq.put(Scenario.unique("guess"), 0L);
        }
        return lastSeq;
    }
}
