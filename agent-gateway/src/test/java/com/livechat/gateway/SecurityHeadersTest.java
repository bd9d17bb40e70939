package com.livechat.gateway;

import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every answer carries the security headers: pages, static files, API answers, errors and unknown paths; only the
 * chat page may be framed, by the sites of {@code livechat.gateway.widget.allowed-origins} (set for tests).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class SecurityHeadersTest {

    @Test
    void apiAnswersPagesAndErrorsCarryTheHeaders() {
        for (Response response : new Response[] {
                given().get("/index.html"), // a static page
                given().get("/livechat.css"), // a static file
                given().get("/api/agent/me"), // 401 problem+json
                given().contentType("application/json").body("{").post("/api/auth/login"), // 400
                given().get("/api/no-such-thing"), // 404
                given().get("/agent/"),
                given().get("/q/health/ready")}) {
            String policy = response.header("Content-Security-Policy");
            assertTrue(policy != null && policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"),
                    "CSP: " + policy);
            assertFalse(policy.contains("unsafe-inline"), policy);
            assertEquals("DENY", response.header("X-Frame-Options"));
            assertEquals("nosniff", response.header("X-Content-Type-Options"));
            assertEquals("no-referrer", response.header("Referrer-Policy"));
        }
    }

    @Test
    void theChatPageMayBeFramedByTheAllowedSitesOnly() {
        Response chat = given().get("/chat/");
        String policy = chat.header("Content-Security-Policy");
        assertTrue(policy.contains("frame-ancestors 'self' https://shop.example https://other-shop.example"), policy);
        assertTrue(policy.contains("script-src 'self'"), policy);
        assertNull(chat.header("X-Frame-Options"));
        assertEquals("nosniff", chat.header("X-Content-Type-Options"));
    }
}
