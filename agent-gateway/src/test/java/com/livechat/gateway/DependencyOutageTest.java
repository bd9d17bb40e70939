package com.livechat.gateway;

import com.livechat.gateway.support.Fixtures;
import com.livechat.testsupport.auth.TestTokens;
import com.livechat.testsupport.DatabaseOutage;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * While PostgreSQL refuses the gateway (a restart, a fail-over), requests that need it fail at once with
 * {@code 503 SERVICE_UNAVAILABLE} and {@code Retry-After}, never a {@code 500} or a hang; readiness names the
 * database; and the gateway serves again as soon as the database is back. (The broker: {@link BrokerOutageTest}.)
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class DependencyOutageTest {

    /** A request that hangs fails the test instead of passing late. */
    static RequestSpecification impatient() {
        return given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", 15_000).setParam("http.socket.timeout", 15_000)));
    }

    static void assertUnavailable(Response response) {
        assertEquals(503, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        assertEquals("SERVICE_UNAVAILABLE", response.jsonPath().getString("code"));
        assertTrue(Integer.parseInt(response.header("Retry-After")) > 0, response.header("Retry-After"));
    }

    @Test
    void withoutItsDatabaseTheGatewayAnswers503AndSaysWhy() {
        Fixtures.referenceData();
        String token = TestTokens.agent(com.livechat.gateway.support.Scenario.unique("outage"), "Outage");
        impatient().auth().oauth2(token).get("/api/agent/me").then().statusCode(200);

        try (DatabaseOutage outage = DatabaseOutage.begin("livechat_gateway_test")) {
            assertUnavailable(impatient().auth().oauth2(token).get("/api/agent/me"));
            assertUnavailable(impatient().contentType("application/json")
                    .body(Map.of("username", "someone", "password", "secret")).post("/api/auth/login"));
            assertUnavailable(impatient().contentType("application/json")
                    .body(Map.of("queueId", Fixtures.QUEUE, "customer", Map.of("name", "Jean"))).post("/api/chats"));

            Response ready = impatient().get("/q/health/ready");
            assertEquals(503, ready.statusCode(), ready.asString());
            List<Map<String, Object>> down = JsonPath.from(ready.asString()).getList("checks.findAll { it.status == 'DOWN' }");
            assertTrue(down.stream().anyMatch(check -> String.valueOf(check.get("name")).contains("PostgreSQL")),
                    "readiness names the database: " + ready.asString());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            impatient().auth().oauth2(token).get("/api/agent/me").then().statusCode(200);
            impatient().get("/q/health/ready").then().statusCode(200);
        });
    }
}
