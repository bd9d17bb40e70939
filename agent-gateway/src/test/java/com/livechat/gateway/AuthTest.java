package com.livechat.gateway;

import com.livechat.gateway.support.Scenario;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Login, the bootstrap admin account and account administration. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class AuthTest {

    @Test
    void adminCreatesAnAgentWhoLogsIn() {
        String admin = login("admin", "admin").then().statusCode(200).body("roles", equalTo(List.of("admin")))
                .extract().path("token");
        String agentId = Scenario.unique("agent");
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("displayName", "Alice Martin", "password", "livechat", "roles", List.of("agent", "supervisor")))
                .put("/api/admin/accounts/" + agentId).then().statusCode(200).body("agentId", equalTo(agentId));
        // Idempotent: the same PUT again, then a new password replaces the old one.
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("displayName", "Alice Martin", "password", "livechat", "roles", List.of("agent", "supervisor")))
                .put("/api/admin/accounts/" + agentId).then().statusCode(200);
        String token = login(agentId, "livechat").then().statusCode(200).body("agentId", equalTo(agentId))
                .body("displayName", equalTo("Alice Martin")).body("expiresAt", notNullValue())
                .body("roles", equalTo(List.of("agent", "supervisor"))).extract().path("token");
        given().auth().oauth2(token).get("/api/agent/me").then().statusCode(200).body("agentId", equalTo(agentId))
                .body("displayName", equalTo("Alice Martin"));
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("displayName", "Alice Martin", "password", "changed-pass", "roles", List.of("agent")))
                .put("/api/admin/accounts/" + agentId).then().statusCode(200);
        login(agentId, "livechat").then().statusCode(401);
        login(agentId, "changed-pass").then().statusCode(200);
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        String wrong = login("admin", "not-the-password").then().statusCode(401)
                .contentType("application/problem+json").extract().asString();
        String unknown = login("nobody-" + Scenario.unique("x"), "whatever").then().statusCode(401)
                .contentType("application/problem+json").extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(wrong, unknown);
        given().contentType("application/json").body(Map.of("username", "admin")).post("/api/auth/login")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void accountValidation() {
        String admin = login("admin", "admin").then().extract().path("token");
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("displayName", "X", "password", "short", "roles", List.of("agent")))
                .put("/api/admin/accounts/x1").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("displayName", "X", "password", "long-enough", "roles", List.of("emperor")))
                .put("/api/admin/accounts/x1").then().statusCode(400).body("code", equalTo("UNKNOWN_ROLE"));
        given().contentType("application/json")
                .body(Map.of("displayName", "X", "password", "long-enough", "roles", List.of("agent")))
                .put("/api/admin/accounts/x1").then().statusCode(401).contentType("application/problem+json");
    }

    private static io.restassured.response.Response login(String username, String password) {
        return given().contentType("application/json").body(Map.of("username", username, "password", password))
                .post("/api/auth/login");
    }
}
