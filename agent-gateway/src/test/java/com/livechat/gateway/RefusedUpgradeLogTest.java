package com.livechat.gateway;

import com.livechat.gateway.support.LogCapture;
import com.livechat.gateway.support.Scenario;
import com.livechat.gateway.support.TestSocket;
import com.livechat.testsupport.auth.TestTokens;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A refused socket upgrade is merely bad input: it stays a 401, and logs no ERROR and no stack trace (issue 17). */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class RefusedUpgradeLogTest {

    @TestHTTPResource("/")
    URI baseUri;

    @Test
    void refusedUpgradesLogNoErrorAndNoStackTrace() {
        String revoked = revokedAgentToken();
        try (LogCapture log = LogCapture.onRootLogger()) {
            assertEquals(401, TestSocket.refusedUpgrade(() -> TestSocket.agent(baseUri, "not-a-jwt")));
            assertEquals(401, TestSocket.refusedUpgrade(() -> TestSocket.agent(baseUri, TestTokens.forgedAgent("mallory"))));
            assertEquals(401, TestSocket.refusedUpgrade(() -> TestSocket.agent(baseUri, TestTokens.expiredAgent("late"))));
            assertEquals(401, TestSocket.refusedUpgrade(() -> TestSocket.agent(baseUri, revoked)));
            assertEquals(401, TestSocket.refusedUpgrade(
                    () -> TestSocket.customer(baseUri, "c-" + Scenario.unique("x"), "not-a-jwt")));
            // A request after the refusals: the refusals' handling (and any log it wrote) is over by its answer.
            given().get("/q/health/live").then().statusCode(200);
            assertEquals(List.of(), log.errorsOrStackTraces());
        }
    }

    private static String revokedAgentToken() {
        String admin = login("admin", "admin").then().statusCode(200).extract().path("token");
        String agentId = Scenario.unique("revoked");
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("displayName", "Someone", "password", "livechat", "roles", List.of("agent")))
                .put("/api/admin/accounts/" + agentId).then().statusCode(200);
        String token = login(agentId, "livechat").then().statusCode(200).extract().path("token");
        given().auth().oauth2(admin).delete("/api/admin/accounts/" + agentId).then().statusCode(204);
        return token;
    }

    private static io.restassured.response.Response login(String username, String password) {
        return given().contentType("application/json").body(Map.of("username", username, "password", password))
                .post("/api/auth/login");
    }
}
