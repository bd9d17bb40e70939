package com.livechat.gateway;

import com.livechat.testsupport.auth.TestTokens;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import com.livechat.testsupport.stack.ServiceEnvironment;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@code /api/admin/routing|conversation|masking/**}: the role is checked in the gateway, then the request goes with
 * the caller's token to the owner, whose answer comes back as it is. The owner here is a small HTTP server standing
 * for routing (the real services answer in the end-to-end suite); masking points at a port nobody listens on.
 */
@QuarkusTest
@TestProfile(AdminForwardingTest.Owners.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class AdminForwardingTest {

    static final int OWNER_PORT = ServiceEnvironment.freePort();
    static final int NOBODY_PORT = ServiceEnvironment.freePort();

    public static class Owners implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("livechat.admin-forwarding.routing-url", "http://localhost:" + OWNER_PORT,
                    "livechat.admin-forwarding.conversation-url", "http://localhost:" + OWNER_PORT,
                    "livechat.admin-forwarding.masking-url", "http://localhost:" + NOBODY_PORT,
                    "livechat.admin-forwarding.timeout", "3S");
        }
    }

    record Seen(String method, String pathAndQuery, String authorization, String contentType, String body) {
    }

    static HttpServer owner;
    static final AtomicReference<Seen> seen = new AtomicReference<>();
    static volatile int answerStatus = 200;
    static volatile String answerType = "application/json";
    static volatile String answerBody = "{\"id\":\"support\"}";

    @BeforeAll
    static void startOwner() throws IOException {
        owner = HttpServer.create(new InetSocketAddress("localhost", OWNER_PORT), 0);
        owner.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            seen.set(new Seen(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] body = answerBody.getBytes(StandardCharsets.UTF_8);
            if (answerType != null) {
                exchange.getResponseHeaders().add("Content-Type", answerType);
            }
            exchange.getResponseHeaders().add("X-Internal", "owner detail");
            exchange.sendResponseHeaders(answerStatus, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        owner.start();
    }

    @AfterAll
    static void stopOwner() {
        owner.stop(0);
    }

    @Test
    void theRoleIsCheckedInTheGatewayBeforeAnythingIsForwarded() {
        seen.set(null);
        given().get("/api/admin/routing/queues").then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("UNAUTHORIZED"));
        given().auth().oauth2(TestTokens.agent("alice", "Alice")).delete("/api/admin/routing/queues/support").then()
                .statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(TestTokens.agent("alice", "Alice")).get("/api/admin/masking/masking-policy").then()
                .statusCode(403);
        assertNull(seen.get(), "nothing reached the owner");
    }

    @Test
    void theRequestGoesToTheOwnersAdminApiWithTheCallersTokenAndTheAnswerComesBackAsItIs() {
        String admin = adminToken();
        answerStatus = 200;
        answerType = "application/json";
        answerBody = "{\"id\":\"support\",\"liveChats\":2}";
        given().auth().oauth2(admin).queryParam("search", "sup port").get("/api/admin/routing/queues/support")
                .then().statusCode(200).contentType("application/json").body("liveChats", equalTo(2))
                .header("X-Internal", nullValue());
        assertEquals(new Seen("GET", "/admin/queues/support?search=sup%20port", "Bearer " + admin, null, ""), seen.get());

        answerStatus = 400;
        answerType = "application/problem+json";
        answerBody = "{\"status\":400,\"code\":\"VALIDATION_FAILED\"}";
        given().auth().oauth2(admin).contentType("application/json").body("{\"name\":\"\"}")
                .put("/api/admin/conversation/templates/greeting").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"));
        assertEquals(new Seen("PUT", "/admin/templates/greeting", "Bearer " + admin, "application/json",
                "{\"name\":\"\"}"), seen.get());

        answerStatus = 204;
        answerType = null;
        answerBody = "";
        given().auth().oauth2(admin).delete("/api/admin/routing/queues/support").then().statusCode(204);
        assertEquals("DELETE /admin/queues/support", seen.get().method() + " " + seen.get().pathAndQuery());
    }

    @Test
    void aPathLeavingTheAdminTreeIsRefusedAndAnUnreachableOwnerGives503() {
        String admin = adminToken();
        seen.set(null);
        for (String path : new String[] {"/api/admin/routing/%2e%2e/queues/x/waiting", "/api/admin/routing/a%2Fb",
                "/api/admin/routing/queues/%2E/x", "/api/admin/routing/a%5Cb"}) {
            assertEquals(404, given().auth().oauth2(admin).urlEncodingEnabled(false).get(path).statusCode(), path);
        }
        assertNull(seen.get(), "nothing reached the owner");
        given().auth().oauth2(admin).get("/api/admin/masking/masking-policy").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", "5")
                .body("code", equalTo("OWNER_UNAVAILABLE"));
    }

    private static String adminToken() {
        return given().contentType("application/json").body(Map.of("username", "admin", "password", "admin"))
                .post("/api/auth/login").then().statusCode(200).extract().path("token");
    }
}
